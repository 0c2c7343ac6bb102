"""Disclosures as people write them: statements of a commercial relationship, as regexes.

A disclosure is not only a label (#ad, Pubblicità). People state the relationship in words: "I
earn a commission if you buy through these links", "This video is sponsored by Acme", "Acme sent
me this for free", "Se acquisti tramite questi link ricevo una commissione", "prodotto inviato da
Rossi". Each *concept* below is a small grammar of such a statement (who, the verb of earning,
paying, sponsoring or giving, and what is earned or given) in one language, compiled to regexes.
A disclosure pack says which concepts are a clear disclosure under its regulator and which are
not enough on their own (``statements: {clear: [...], vague: [...]}``): the FTC accepts "I get a
commission for purchases made through these links", the CAP guide wants "Ad" on affiliate posts.

Concepts:

- ``commission``: the author earns a commission, a fee or a share from purchases;
- ``affiliate_links``: a sentence saying the content contains or uses affiliate links;
- ``affiliate_label``: the bare words "affiliate link" / "link affiliato" (no statement);
- ``sponsored``: the content (this post, video, issue...) is sponsored or paid for by someone,
  or a "Sponsored (by X)" label opening a line; thanks *for sponsoring*;
- ``paid``: a paid partnership, promotion or post; the brand paid the author;
- ``gifted``: the author received the product for free, as a gift, from the brand;
- ``partnership``: "in partnership / collaboration with X", "teamed up with X" (no word of pay);
- ``thanks``: "thanks @X", "grazie a X" (a brand is thanked, the relationship unsaid);
- ``presented``: "brought to you by", "supported by", "funded by", "presented by" (CAP: unlikely
  to be enough on their own).

Prose concepts (``PROSE``: partnership, thanks, presented) are common in ordinary writing ("the
council, in partnership with local schools"), so the check reports them as ambiguous only when
the post is declared sponsored or its content looks sponsored.

Brands are an @handle or one to three capitalised words. Every pattern is matched
case-insensitively, except where ``(?-i:...)`` asks for a capital.
"""

from __future__ import annotations

from collections.abc import Iterable

BRAND = r"(?:@\w\w+|(?-i:[A-Z0-9])[\w&'’.-]*\w(?:[ \t]+(?-i:[A-Z0-9])[\w&'’.-]*\w)?(?:[ \t]+(?-i:[A-Z0-9])[\w&'’.-]*\w)?)"
# A line's label position: the start of a line, or after an opening bracket or a bar.
LABEL = r"(?<![^\n(\[|•·])[ \t]*"
# The content the statement is about.
EN_CONTENT = (
    r"(?:post|video|episode|article|review|newsletter|issue|edition|content|podcast|stream|"
    r"reel|segment|story|guide|giveaway|series|recipe|thread|blog(?:\s+post)?|tutorial|email|"
    r"page|list|roundup|feature|caption|tiktok|short|live)"
)
IT_CONTENT = (
    r"(?:post|video|episodio|puntata|articolo|recensione|newsletter|numero|contenuto|podcast|"
    r"live|reel|storia|stories|guida|giveaway|serie|ricetta|thread|blog|tutorial|email|e-mail|"
    r"pagina|lista|selezione|diretta|caption)"
)
EN_MODAL = r"(?:['’]ll|\s+(?:will|may|might|could|can|do|would|also|sometimes|often|usually|only))*"
EN_FREE = (
    r"(?:for\s+free|free\s+of\s+charge|at\s+no\s+(?:cost|charge)|as\s+a\s+(?:gift|present)|"
    r"complimentary|to\s+(?:try|review|test)(?:\s+out)?)"
)
IT_FREE = (
    r"(?:gratuitamente|gratis|in\s+omaggio|in\s+regalo|a\s+titolo\s+gratuito|"
    r"senza\s+costi|da\s+(?:provare|testare|recensire)|per\s+(?:provarl|testarl|recensirl)\w*)"
)

CONCEPTS: dict[str, dict[str, list[str]]] = {
    "en": {
        "commission": [
            # "I earn a small commission", "we may receive a fee", "I earn from qualifying purchases"
            rf"\b(?:I|we){EN_MODAL}\s+(?:earn|receive|get|make|collect|be\s+paid|be\s+compensated)"
            r"\b[^.!?\n]*?\b(?:commissions?|(?:referral|affiliate|small)\s+fees?|"
            r"a\s+(?:small\s+)?(?:percentage|cut|share|fee|portion)|compensation|"
            r"from\s+(?:qualifying\s+)?(?:purchases|sales))\b",
            # "which earns me a commission", "pays us a small fee"
            r"\b(?:earns?|earned|earning|gives?|pays?)\s+(?:me|us)\s+(?:a\s+)?(?:small\s+)?"
            r"(?:commission|fee|percentage|cut|share)\b",
            # "a small commission if you buy", "commissions on purchases made through these links"
            r"\bcommissions?\b[^.!?\n]*?\b(?:if|when|whenever)\s+you\s+(?:\w+\s+)?"
            r"(?:buy|purchase|shop|order|sign\s+up|click|subscribe|book)",
            r"\bcommissions?\s+(?:on|from|for)\s+(?:any\s+)?(?:purchases|sales|orders)\s+"
            r"(?:made\s+)?(?:through|via|from|using)\s+(?:these|the|my|our|this|links?)\b",
            r"\b(?:I|we)(?:['’](?:m|re)|\s+(?:am|are|may\s+be|might\s+be))\s+compensated\b",
            r"\bas\s+an?\s+amazon\s+associate\b",
        ],
        "affiliate_links": [
            # "This post contains affiliate links", "my reviews use affiliate links"
            r"\b(?:contains?|includes?|has|have|uses?|features?|containing|including|using)\s+"
            r"(?:some\s+|a\s+few\s+|a\s+couple\s+of\s+|an?\s+)?affiliate\s+links?\b",
            # "some links are affiliate links", "this is an affiliate link", "links below are affiliate"
            r"\b(?:is|are)\s+(?:an?\s+|my\s+|all\s+|also\s+)?affiliate(?:\s+links?\b|"
            r"(?=[ \t]*(?:[.,;:!)\n]|\Z)))",
        ],
        # as a label: "(affiliate link)", "Affiliate link: ...", "... - aff link"
        "affiliate_label": [
            rf"{LABEL}(?:affiliate|aff\.?)\s+links?\b",
            r"(?<![\w#])(?:affiliate|aff\.?)\s+links?(?=[ \t]*(?:[)\]:|]|\n|\Z))",
        ],
        "sponsored": [
            # "Sponsored by Acme", "Sponsored:", "(sponsored)", "Sponsored post" opening a line
            rf"{LABEL}(?:this\s+is\s+a\s+)?sponsored\b",
            rf"\b(?:this|today['’]s|the\s+following|this\s+week['’]s|my|our)\s+(?:\w+\s+)?"
            rf"{EN_CONTENT}\s+(?:is|was|has\s+been|are|were)\s+(?:kindly\s+|generously\s+|"
            r"proudly\s+|partly\s+|also\s+)?(?:sponsored|paid\s+for)\b",
            r"\b(?:this\s+is|(?:it|this)['’]s)\s+(?:a\s+)?sponsored\s+(?:post|content|ad|video|"
            r"episode|segment|article|message|partnership)\b",
            rf"\b{EN_CONTENT}\s+sponsored\s+by\s+{BRAND}",
            r"\bfor\s+sponsoring\s+(?:this|today['’]s|the|my|our)\b",
            rf"\bsponsor(?:s|ed|ing)?\s+(?:of\s+)?(?:this|today['’]s)\s+{EN_CONTENT}\b",
            rf"\b(?:today['’]s|this\s+{EN_CONTENT}['’]s|this\s+week['’]s)\s+sponsor\b",
        ],
        "paid": [
            r"\bpaid\s+(?:partnership|promotion|post|ad|advert|collaboration|collab|endorsement|"
            r"sponsorship|placement)s?\b",
            rf"{BRAND}\s+(?:paid|is\s+paying|has\s+paid|compensated)\s+(?:me|us)\b",
            r"\b(?:I|we)\s+(?:was|were|am|are|have\s+been|got|get|['’]ve\s+been|['’]m|['’]re)\s+"
            rf"(?:being\s+)?(?:paid|compensated)\s+(?:by\s+{BRAND}|to\s+(?:write|post|review|"
            r"share|make|promote|feature|try|test|create|film))",
        ],
        "gifted": [
            rf"\b(?:gifted|comped)\s+(?:to\s+(?:me|us)\s+)?by\s+{BRAND}",
            # a "Gifted:" label that names the giver: "Gifted: the linen set from @bedly"
            rf"{LABEL}gifted\s*[:|–—-][^.!?\n]*?\b(?:from|by)\s+{BRAND}",
            rf"\b(?:sent|given|provided|supplied|gifted|lent|loaned)\s+to\s+(?:me|us)\s+{EN_FREE}",
            r"\b(?:I|we)\s+(?:was|were|have\s+been|['’]ve\s+been|got)\s+(?:kindly\s+)?(?:sent|given|"
            rf"provided|supplied|gifted|lent|loaned)\b[^.!?\n]*?{EN_FREE}",
            rf"\b(?:sent|given|provided|supplied)\s+to\s+(?:me|us)\s+by\s+{BRAND}",
            rf"{BRAND}\s+(?:sent|gave|gifted|provided|lent|loaned|hosted|invited)\s+(?:me|us)\b"
            r"[^.!?\n]*?"
            rf"(?:{EN_FREE}|\bgifted\b)",
            rf"{BRAND}\s+(?:kindly\s+)?gifted\s+(?:me|us)\b",
            r"\b(?:I|we)\s+(?:received|got|was\s+given|were\s+given|was\s+sent|were\s+sent)\s+"
            rf"[^.!?\n]*?{EN_FREE}",
            r"\b(?:free|complimentary|gifted)\s+(?:product|sample|copy|stay|meal|trip|item|unit|"
            rf"pair|set|night|review\s+copy)s?\s+(?:from|by|courtesy\s+of)\s+{BRAND}",
            r"\b(?:PR|press)\s+(?:sample|package|product|trip|gift)s?\b",
            rf"\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?(?:to\s+)?{BRAND}\s+for\s+(?:the|my|these|"
            r"this|a)\s+(?:free|gifted|complimentary)\b",
        ],
        "partnership": [
            r"\b(?:in\s+(?:association|collaboration|partnership)|partnered|partnering|"
            r"teamed\s+up|teaming\s+up)\s+with\b",
            r"(?<![\w#])(?P<m>collab)(?:[\s.,;:!?)\]]|\Z)",
        ],
        "thanks": [rf"\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?(?:to\s+)?{BRAND}"],
        "presented": [r"\b(?:brought\s+to\s+you|supported|funded|presented|powered)\s+by\b"],
    },
    "it": {
        "commission": [
            # "ricevo una piccola commissione", "potrei guadagnare una percentuale",
            # "ricevo un guadagno dagli acquisti idonei"
            r"\b(?:ricev(?:o|iamo|er[òo]|eremo|ere)|guadagn(?:o|iamo|er[òo]|eremo|are)|"
            r"percepi(?:sco|amo|r[òo]|remo|re)|prend(?:o|iamo|er[òo]|ere)|otten(?:go|iamo|ere)|"
            r"matur(?:o|iamo|are))\s+(?:una\s+|delle\s+|un\s+|dei\s+)?(?:piccol[ao]\s+|"
            r"minim[ao]\s+)?(?:commission[ei]|percentual[ei]|compens[oi]|provvigion[ei]|"
            r"guadagn[oi]|fee)\b",
            # "mi viene riconosciuta una commissione", "ci spetta una piccola percentuale"
            r"\b(?:mi|ci)\s+(?:viene|verrà|verrebbe|sarà|spetta|va|andrà)\s+(?:riconosciut[ao]\s+|"
            r"corrispost[ao]\s+|pagat[ao]\s+|versat[ao]\s+)?(?:una\s+|un\s+)?(?:piccol[ao]\s+)?"
            r"(?:commissione|percentuale|compenso|provvigione)\b",
            # "una commissione se acquisti", "una percentuale sugli acquisti fatti tramite i link"
            r"\b(?:commission[ei]|provvigion[ei]|percentuale)\b[^.!?\n]*?\b(?:se|quando|"
            r"qualora|ogni\s+volta\s+che)\s+(?:\w+\s+)?(?:acquist|compr|ordin|prenot|ti\s+iscriv|"
            r"clicc)\w*",
            r"\b(?:commission[ei]|provvigion[ei]|percentuale)\s+(?:su(?:gli|i)?|da(?:gli|i)?)\s+"
            r"(?:eventuali\s+)?(?:acquisti|vendite|ordini)\b[^.!?\n]*?\b(?:tramite|attraverso|"
            r"con|da)\s+(?:questi|i|il|miei|nostri|link)\b",
            r"\bin\s+qualità\s+di\s+affiliat[oa]\s+amazon\b",
        ],
        "affiliate_links": [
            # "Contiene link di affiliazione", "questo articolo include alcuni link affiliati"
            r"\b(?:contien[ei]|contengono|includ[eo]|includono|ha|hanno|present[ai]|presentano|"
            r"ci\s+sono|trovi|trovate|sono\s+presenti|utilizz[oa]|uso|usiamo|utilizziamo)\s+"
            r"(?:alcuni\s+|dei\s+|degli\s+|anche\s+|un\s+)?link\s+(?:di\s+affiliazione|"
            r"affiliat[oi])\b",
            # "i link qui sotto sono link di affiliazione", "alcuni link sono affiliati"
            r"\b(?:sono|è|e')\s+(?:un\s+|dei\s+|tutti\s+|anche\s+)?(?:link\s+)?(?:di\s+affiliazione|"
            r"affiliat[oi])\b",
        ],
        # come etichetta: "(link affiliato)", "Link di affiliazione: ..."
        "affiliate_label": [
            rf"{LABEL}link\s+(?:di\s+affiliazione|affiliat[oi])\b",
            r"\blink\s+(?:di\s+affiliazione|affiliat[oi])(?=[ \t]*(?:[)\]:|]|\n|\Z))",
        ],
        "sponsored": [
            # "Sponsorizzato da Rossi", "Contenuto sponsorizzato", "Post sponsorizzato:" opening a line
            rf"{LABEL}(?:{IT_CONTENT}\s+)?sponsorizzat[oaie]\b",
            rf"\b(?:quest[oa]|quest['’]|il\s+(?:mio|nostro)|la\s+(?:mia|nostra)|l['’])\s*"
            rf"(?:\w+\s+)?{IT_CONTENT}\s+(?:è|era|e'|è\s+stat[oa])\s+(?:interamente\s+|"
            r"gentilmente\s+|anche\s+)?(?:sponsorizzat[oa]|pagat[oa])\b",
            rf"\b(?:(?:questo|questa|quest['’])\s*è|ecco)\s+(?:un|una|un['’])\s*{IT_CONTENT}\s+"
            r"sponsorizzat[oaie]\b",
            r"\bper\s+(?:aver|avere)\s+(?:\w+\s+)?sponsorizzato\b",
            rf"\bsponsor\s+(?:di\s+)?(?:quest[oa]|oggi|del(?:la|l['’])?\s*{IT_CONTENT}|"
            rf"dell['’]{IT_CONTENT})",
            r"#sponsorizzat[oa](?:da)?\b",
        ],
        "paid": [
            r"\b(?:collaborazione|partnership|promozione|pubblicità)\s+(?:retribuita|"
            r"a\s+pagamento|pagata|sponsorizzata)\b",
            r"\b(?:inserzione|contenuto|post|annuncio)\s+a\s+pagamento\b",
            rf"{BRAND}\s+mi\s+(?:ha|hanno)\s+(?:pagat[oa]|retribuit[oa]|compensat[oa])\b",
            r"\b(?:sono|siamo)\s+(?:stat[oaie]\s+)?(?:pagat[oaie]|retribuit[oaie]|"
            rf"compensat[oaie])\s+(?:da\s+{BRAND}|per\s+(?:scrivere|parlare|pubblicare|"
            r"provare|recensire|promuovere|presentare|realizzare))",
            rf"{LABEL}promoss[oa]\s+da\s+{BRAND}",
        ],
        "gifted": [
            # "prodotto inviato da Rossi", "prodotti forniti gratuitamente da @rossi"
            r"\b(?:prodott[oi]|articol[oi]|capi|capo|campion[ei]|kit|libr[oi]|copia|"
            r"soggiorno|cena|pranzo|esperienza)\s+(?:mi\s+)?(?:inviat[oaie]|regalat[oaie]|"
            r"fornit[oaie]|offert[oaie]|ricevut[oaie]|donat[oaie]|mandat[oaie]|spedit[oaie])\s+"
            rf"(?:{IT_FREE}\s+)?da(?:l|lla|ll['’])?\s*{BRAND}",
            rf"\b(?:ricevut[oaie]|avut[oaie]|inviat[oaie]|regalat[oaie]|fornit[oaie]|"
            rf"spedit[oaie]|mandat[oaie])\s+{IT_FREE}",
            rf"{BRAND}\s+mi\s+(?:ha|hanno)\s+(?:gentilmente\s+)?(?:regalat[oaie]|inviat[oaie]|"
            r"mandat[oaie]|omaggiat[oaie]|fornit[oaie]|spedit[oaie])\b",
            r"\b(?:mi|ci)\s+(?:è|sono)\s+stat[oaie]\s+(?:gentilmente\s+)?(?:regalat[oaie]|"
            r"inviat[oaie]|mandat[oaie]|fornit[oaie]|spedit[oaie]|offert[oaie])\s+"
            rf"(?:{IT_FREE}\s+)?da(?:l|lla|ll['’])?\s*{BRAND}",
            # "Regalo di @rossi", "(regalo di Rossi)", "in omaggio da Rossi"
            rf"{LABEL}(?:un\s+)?(?:regalo|omaggio|dono)\s+(?:di|da)\s+{BRAND}",
            r"\b(?:regalo|omaggio|dono)\s+(?:di|da)\s+@\w\w+",
            rf"\bin\s+(?:regalo|omaggio|dono)\s+da(?:l|lla|ll['’])?\s*{BRAND}",
            r"\bgrazie\s+(?:mille\s+)?(?:a\s+)?\S+\s+per\s+(?:il|l['’]|la|i|gli|le|questo|questa)"
            r"\b[^.!?\n]*?\b(?:regalo|omaggio|gratuit[oaie])\b",
        ],
        "partnership": [
            r"\bin\s+(?:collaborazione|partnership|partnership|sinergia|associazione)\s+con\b",
            r"\b(?:collaboro|collaboriamo|ho\s+collaborato|abbiamo\s+collaborato)\s+con\b",
            r"(?<![\w#])(?P<m>collab)(?:[\s.,;:!?)\]]|\Z)",
        ],
        "thanks": [rf"\bgrazie\s+(?:mille\s+)?(?:a\s+)?{BRAND}"],
        "presented": [
            r"\b(?:offert[oa]|presentat[oa]|sostenut[oa]|finanziat[oa]|supportat[oa])\s+da\b",
            r"\bcon\s+il\s+(?:supporto|sostegno|contributo)\s+di\b",
        ],
    },
}
PROSE = frozenset({"partnership", "thanks", "presented"})
NAMES = tuple(CONCEPTS["en"])


def statement_patterns(language: str, concepts: Iterable[str]) -> list[str]:
    """The regexes of ``concepts`` in ``language`` (a language without a grammar has none)."""
    grammar = CONCEPTS.get(language, {})
    return [p for name in concepts for p in grammar.get(name, ())]
