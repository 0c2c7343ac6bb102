"""Default messages of the rules a policy generates, in the policy's language.

Why: the bundled packs are written in each language, but the rules behind a policy's guidelines,
tone, terminology, channels and banned wording are compiled from the policy itself, so their
messages come from here: a team that writes in Italian reads Italian. A policy's own ``message:``
always wins. Placeholders are the check kinds' own (``{match}``, ``{value}``, ``{limit}``,
``{suggestion}``); ``{label}``, ``{low}``, ``{high}``, ``{counted}``, ``{how}`` and ``{element}``
are filled in when the rule is built.
"""

from __future__ import annotations

_EN = {
    "banned": "'{match}' is banned by the brand policy",
    "guideline.sentence_words": "sentence of {value} words; the guideline is at most {limit}: split it",
    "guideline.words": "{value} words; the guideline is {limit}",
    "guideline.characters": "{value} characters; the guideline is {limit}",
    "guideline.reading_ease": "reading ease {value}; the guideline is {limit}: use shorter words "
    "and sentences",
    "guideline.reading_grade": "reading grade {value}; the guideline is at most {limit}: use "
    "shorter words and sentences",
    "guideline.gulpease": "Gulpease index {value}; the guideline is {limit}: use shorter words "
    "and sentences",
    "guideline.flesch_vacca": "Flesch–Vacca {value}; the guideline is {limit}",
    "guideline.exclamations": "{value} exclamation marks; the guideline is at most {limit}: let "
    "the facts carry the energy",
    "guideline.exclamation_runs": "{value} runs of '!!' or '?!'; the guideline is at most {limit}",
    "guideline.caps_words": "{value} ALL-CAPS words; the guideline is at most {limit}: use "
    "sentence case",
    "guideline.caps_ratio": "ALL-CAPS ratio {value}; the guideline is at most {limit}",
    "guideline.hashtags": "{value} hashtags; the guideline is at most {limit}: keep the ones "
    "people follow",
    "guideline.trailing_hashtags": "a trailing block of {value} hashtags; the guideline is at "
    "most {limit}",
    "guideline.mentions": "{value} @mentions; the guideline is at most {limit}",
    "guideline.links": "{value} links; the guideline is at most {limit}",
    "guideline.emoji": "{value} emoji; the guideline is at most {limit}",
    "guideline.sentences": "{value} sentences; the guideline is {limit}",
    "guideline.x_characters": "{value} characters as X counts them (links count 23); the "
    "guideline is {limit}",
    "tone.reading_grade": "reading grade {value}; the brand voice aims for {limit} or lower: "
    "shorter words and sentences",
    "tone.reading_ease": "reading ease {value}; the brand voice aims for {limit} or higher: "
    "shorter words and sentences",
    "tone.gulpease": "Gulpease index {value}; the brand voice asks for at least {limit}: shorter "
    "words and sentences",
    "tone.sentence_words": "a sentence of {value} words; the brand voice keeps them to {limit}: "
    "split it",
    "tone.exclamations": "{value} exclamation marks; the brand voice allows {limit}: let the "
    "facts carry the energy",
    "tone.emoji": "{value} emoji; the brand voice allows {limit}",
    "voice.we-you": "'{match}' talks about people in the third person; the brand voice speaks "
    "to the reader as 'you' and about itself as 'we'",
    "voice.third-person": "'{match}': the brand voice is third person; name the brand and the "
    "reader instead",
    "terminology.swap": "write '{suggestion}', not '{match}'",
    "terminology.mark": "the first mention of '{match}' needs its mark: write '{suggestion}'",
    "terminology.competitor": "'{match}' is a competitor's name; brand posts do not mention "
    "competitors",
    "terminology.competitor_swap": "'{match}' is a competitor's name; write '{suggestion}' instead",
    "channel.limit": "{value} {counted}{how}; {allowed}",
    "channel.max": "{label} posts allow at most {high}",
    "channel.none": "{label} posts allow none",
    "channel.min": "{label} posts need at least {low}",
    "channel.range": "{label} posts allow {low} to {high}",
    "channel.x_how": " as X counts them (every link counts 23)",
    "channel.require": "{label} posts need at least {element}",
    "noun.characters": "characters",
    "noun.hashtags": "hashtags",
    "noun.mentions": "@mentions",
    "noun.links": "links",
    "noun.emoji": "emoji",
    "noun.words": "words",
    "one.link": "one link",
    "one.hashtag": "one hashtag",
    "one.mention": "one @mention",
    "one.emoji": "one emoji",
}

_IT = {
    "banned": "'{match}' è vietato dalla policy del marchio",
    "guideline.sentence_words": "frase di {value} parole; la linea guida è al massimo {limit}: "
    "dividila",
    "guideline.words": "{value} parole; la linea guida è {limit}",
    "guideline.characters": "{value} caratteri; la linea guida è {limit}",
    "guideline.reading_ease": "indice Flesch–Vacca {value}; la linea guida è {limit}: usa parole "
    "e frasi più brevi",
    "guideline.reading_grade": "livello di lettura {value}; la linea guida è al massimo {limit}: "
    "usa parole e frasi più brevi",
    "guideline.gulpease": "indice Gulpease {value}; la linea guida è {limit}: usa frasi e parole "
    "più brevi",
    "guideline.flesch_vacca": "indice Flesch–Vacca {value}; la linea guida è {limit}",
    "guideline.exclamations": "{value} punti esclamativi; la linea guida è al massimo {limit}: "
    "lascia che siano i fatti a dare energia",
    "guideline.exclamation_runs": "{value} sequenze di '!!' o '?!'; la linea guida è al massimo "
    "{limit}",
    "guideline.caps_words": "{value} parole TUTTE MAIUSCOLE; la linea guida è al massimo {limit}: "
    "usa le maiuscole solo dove servono",
    "guideline.caps_ratio": "quota di maiuscole {value}; la linea guida è al massimo {limit}",
    "guideline.hashtags": "{value} hashtag; la linea guida è al massimo {limit}: tieni quelli "
    "che le persone seguono davvero",
    "guideline.trailing_hashtags": "un blocco finale di {value} hashtag; la linea guida è al "
    "massimo {limit}",
    "guideline.mentions": "{value} @menzioni; la linea guida è al massimo {limit}",
    "guideline.links": "{value} link; la linea guida è al massimo {limit}",
    "guideline.emoji": "{value} emoji; la linea guida è al massimo {limit}",
    "guideline.sentences": "{value} frasi; la linea guida è {limit}",
    "guideline.x_characters": "{value} caratteri secondo il conteggio di X (ogni link conta 23); "
    "la linea guida è {limit}",
    "tone.reading_grade": "livello di lettura {value}; il tono del marchio punta a {limit} o "
    "meno: parole e frasi più brevi",
    "tone.reading_ease": "indice Flesch–Vacca {value}; il tono del marchio punta a {limit} o "
    "più: parole e frasi più brevi",
    "tone.gulpease": "indice Gulpease {value}; il tono del marchio chiede almeno {limit}: frasi "
    "e parole più brevi",
    "tone.sentence_words": "una frase di {value} parole; il tono del marchio le tiene entro "
    "{limit}: dividila",
    "tone.exclamations": "{value} punti esclamativi; il tono del marchio ne ammette {limit}: "
    "lascia che siano i fatti a dare energia",
    "tone.emoji": "{value} emoji; il tono del marchio ne ammette {limit}",
    "voice.we-you": "'{match}' parla in terza persona; il tono del marchio si rivolge al lettore "
    "con il 'voi' (o il 'tu') e parla di sé con il 'noi'",
    "voice.third-person": "'{match}': il tono del marchio è in terza persona; nomina il marchio "
    "e il lettore",
    "terminology.swap": "scrivi '{suggestion}', non '{match}'",
    "terminology.mark": "la prima menzione di '{match}' vuole il simbolo: scrivi '{suggestion}'",
    "terminology.competitor": "'{match}' è il nome di un concorrente; i post del marchio non "
    "nominano i concorrenti",
    "terminology.competitor_swap": "'{match}' è il nome di un concorrente; scrivi invece "
    "'{suggestion}'",
    "channel.limit": "{value} {counted}{how}; {allowed}",
    "channel.max": "un post su {label} ne ammette al massimo {high}",
    "channel.none": "un post su {label} non ne ammette",
    "channel.min": "un post su {label} ne chiede almeno {low}",
    "channel.range": "un post su {label} ne ammette da {low} a {high}",
    "channel.x_how": " secondo il conteggio di X (ogni link conta 23)",
    "channel.require": "un post su {label} deve avere almeno {element}",
    "noun.characters": "caratteri",
    "noun.hashtags": "hashtag",
    "noun.mentions": "@menzioni",
    "noun.links": "link",
    "noun.emoji": "emoji",
    "noun.words": "parole",
    "one.link": "un link",
    "one.hashtag": "un hashtag",
    "one.mention": "una @menzione",
    "one.emoji": "un'emoji",
}

MESSAGES: dict[str, dict[str, str]] = {"en": _EN, "it": _IT}


def message(key: str, language: str) -> str:
    """The default message ``key`` in ``language``, or in English when there is none."""
    return MESSAGES.get(language, _EN).get(key) or _EN[key]
