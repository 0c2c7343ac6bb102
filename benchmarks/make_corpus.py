#!/usr/bin/env python3
"""Build a deterministic synthetic corpus of social-media posts for benchmarks.

Every sentence here is composed from templates and word lists written for this
script (no downloaded or third-party text), so the output can be shared freely.
The mix imitates a brand's social feed: plain, concrete posts (opening hours,
event recaps, how-to tips, thanks to customers), lightly promotional posts, and
hard-sell corporate-speak with buzzwords, false urgency, clickbait, prize bait,
ALL CAPS, exclamation runs, hashtag blocks, links and emoji, so that brandguard's
rules fire at a realistic rate.

Usage::

    python benchmarks/make_corpus.py [OUT_DIR] [--posts 10000] [--seed 7] [--md-files N]

Writes ``OUT_DIR/corpus.jsonl`` (one ``{"id", "text", "label"}`` object a line;
``label`` is the generator's intent: ``plain``, ``promo`` or ``pushy``; it is
metadata for brandguard) and ``OUT_DIR/posts/*.md`` (the first N posts as
Markdown files with a little front matter). The same seed always gives
byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MIN_WORDS = 30
MAX_WORDS = 300

# --------------------------------------------------------------------------------------
# Businesses and people the posts are about (all invented).
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Brand:
    """An invented organisation that posts on social media."""

    name: str
    kind: str
    products: tuple[str, ...]
    place: str
    topic_tags: tuple[str, ...]


def _items(spec: str) -> tuple[str, ...]:
    """Split a ``|``-separated list (keeps the data below compact)."""
    return tuple(item.strip() for item in spec.split("|") if item.strip())


def _brand(name: str, kind: str, place: str, tags: str, products: str) -> Brand:
    """Build a Brand from compact strings."""
    return Brand(name, kind, _items(products), place, tuple(tags.split()))


# fmt: off
BRANDS: tuple[Brand, ...] = (
    _brand("Hollow Oak Bakery", "bakery", "Mill Street", "bakery sourdough localfood",
           "rye loaf | cardamom bun | sourdough | seeded roll | plum tart | oat biscuit"),
    _brand("Northgate Cycles", "bike shop", "the old tram depot", "cycling bikecommute gravel",
           "gravel bike | puncture kit | rear light | cargo bike | winter tyre | service plan"),
    _brand("Lanternfish Software", "software company", "our Leeds office",
           "saas devtools productivity",
           "invoice app | offline sync | CSV export | dark mode | API client | backup tool"),
    _brand("Brookside Library", "public library", "Brookside Green", "library reading community",
           "audiobook service | reading room | children's corner | 3D printer | seed library"
           " | local history archive"),
    _brand("Fenwick Hardware", "hardware store", "Station Road", "diy homeimprovement garden",
           "cordless drill | garden hose | paint sample | tile cutter | rain barrel | key cutting"),
    _brand("Copper Kettle Cafe", "cafe", "the harbour front", "coffee cafe brunch",
           "flat white | lentil soup | carrot cake | breakfast plate | iced tea | oat latte"),
    _brand("Redwing Fitness", "gym", "Carver Lane", "fitness workout gym",
           "spin class | strength course | yoga mat | open gym | rowing session | day pass"),
    _brand("Tidewater Books", "bookshop", "King's Arcade", "books bookshop amreading",
           "crime novel | atlas | poetry collection | cookbook | children's picture book"
           " | gift card"),
    _brand("Greenfield Farm", "farm shop", "the farm gate on Ridge Lane",
           "farmshop seasonal localproduce",
           "free-range eggs | apple juice | potatoes | honey | veg box | pumpkins"),
    _brand("Harbour Dental", "dental clinic", "Quay Road", "dentist oralhealth smile",
           "check-up | hygienist visit | night guard | whitening consultation | emergency slot"
           " | children's check-up"),
    _brand("Vantage Travel", "travel agency", "the high street", "travel wanderlust holiday",
           "rail pass | city break | walking tour | ferry crossing | cabin upgrade"
           " | travel insurance"),
    _brand("Kestrel Brewing", "craft brewery", "Unit 4, Canal Yard", "craftbeer brewery realale",
           "pale ale | stout | tasting flight | brewery tour | alcohol-free lager"
           " | growler refill"),
    _brand("Meadowlark Museum", "museum", "Abbey Square", "museum history exhibition",
           "fossil gallery | map exhibition | family trail | late opening | curator talk"
           " | print workshop"),
    _brand("Pinecrest Primary PTA", "school association", "the school hall",
           "school pta community",
           "book fair | uniform swap | summer fete | bake sale | reading buddies | science night"),
    _brand("Atlas Cloud", "cloud hosting company", "our Frankfurt region", "cloud devops hosting",
           "managed database | object storage | load balancer | status page | backup snapshot"
           " | edge cache"),
    _brand("Bluebell Florist", "florist", "Market Place", "flowers florist gardening",
           "wedding bouquet | potted herbs | dried wreath | sunflower bunch | table posy"
           " | bulb mix"),
    _brand("Quarry Hill Climbing", "climbing wall", "Quarry Hill", "climbing bouldering outdoors",
           "bouldering session | taster course | shoe hire | youth club | route setting night"
           " | chalk bag"),
    _brand("Sable & Finch", "clothing label", "our studio in Frome",
           "fashion slowfashion madeinuk",
           "wool jumper | linen shirt | rain jacket | repair service | canvas tote | denim jacket"),
)

FIRST_NAMES = tuple(
    "Amira Ben Chloe Dev Elena Farid Grace Hamid Isla Jonah Kai Leila Marco Nina Owen Priya Quinn"
    " Rosa Sam Tariq Uma Victor Wen Yusuf Zoe Aled Bea Cormac Dara Esther".split()
)
DAYS = tuple("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
MONTHS = tuple(
    "January February March April May June July August September October November December".split()
)
TIMES = _items("8am | 9:30 | 10am | noon | 2pm | 3:15 | 4pm | 5:30 | 6pm | 7pm | half past seven")
# fmt: on
WEATHER = ("rain", "wind", "frost", "heat", "fog", "snow")

# --------------------------------------------------------------------------------------
# Plain sentences: concrete, specific, unhurried.
# --------------------------------------------------------------------------------------

PLAIN_OPENERS = (
    "Quick update from {place}.",
    "A note for everyone who asked about the {product}.",
    "{name} here, writing from {place}.",
    "Some news about our {kind} this week.",
    "Thank you to the {num} people who came along on {day}.",
    "We changed a few things at {place} and want to explain why.",
    "Here is what happened at {brand} this {month}.",
    "A small thing that made our {day} better.",
    "Several of you wrote in about opening hours, so here they are.",
    "Good morning from {place}, where the {weather} has finally stopped.",
)

PLAIN_SENTENCES = (
    "From {day} we open at {time} and close an hour later than before.",
    "The {product} is back on the shelf after a three-week gap.",
    "{name} tested the {product} for {num} days before we agreed to stock it.",
    "It costs {price}, the same as last year, because our supplier kept the price steady.",
    "If the {product} does not suit you, bring it back within 30 days with the receipt.",
    "We sold out of the {product} by {time} on {day}, so we have ordered twice as many.",
    "Parking is free after {time} in the car park behind {place}.",
    "The step at the front door is now a ramp, which should help prams and wheelchairs.",
    "{name} wrote a short guide to looking after your {product}; it is pinned to our page.",
    "Our {month} opening hours are on the board by the door and on our website.",
    "The team spent {day} afternoon repainting the back room, so it may smell of paint.",
    "Thanks to {name} for the photo of the {product} on a rainy walk home.",
    "We measured it: the {product} lasts about {num} weeks with normal use.",
    "The delivery van was late on {day}, and we are sorry to everyone who waited.",
    "Orders placed before {time} usually leave the same day.",
    "The {product} comes in two sizes, and the smaller one fits most kitchen drawers.",
    "Last {month} we tried a later closing time, and hardly anyone came after 7pm,"
    " so we are going back to the old hours.",
    "{name} has been with us for {num} years and still makes the best tea in the building.",
    "You can book a slot by phone or in person; the online form is down until {day}.",
    "We recycle the packaging, and the cardboard boxes are free to take for anyone moving house.",
    "Children under five go free, and there is a quiet hour on {day} mornings.",
    "Our suppliers are within {num} miles of {place}, and we list them all on the shelf labels.",
    "If you have feedback, {name} reads every message and replies within two working days.",
    "The roof repair finished on {day}, a week earlier than the builders expected.",
    "One customer asked whether the {product} works in cold weather; it does, down to minus five.",
    "We will be closed on {day} {num} {month} for a staff training day.",
    "The water fountain by the entrance is working again.",
    "Bring a bag if you can, since we stopped handing out plastic ones in {month}.",
    "It took longer than planned, but the new shelves are up and everything is easier to find.",
    "Next {day}, {name} will show how to fix the most common problem with the {product}"
    " in about ten minutes.",
    "We kept the old price for members until the end of {month}.",
    "The lost property box has three umbrellas, a scarf and one very small glove.",
    "Most questions this week were about the {product}, so we added answers to the FAQ.",
    "Our accounts for last year are on the website, including what we paid for energy.",
    "The card machine was slow on {day}; the bank fixed it that evening.",
)

PLAIN_CLOSERS = (
    "See you soon.",
    "Thanks for reading.",
    "Questions are welcome in the comments.",
    "Have a good {day}.",
    "Details are on our website under News.",
    "That is all for now.",
    "{name} and the team",
    "More next week.",
    "Let us know what you think.",
    "Full details: {url}",
)

PERSONAL_SENTENCES = (
    "Spent the morning walking by the river with {name}, and the {weather} held off until lunch.",
    "I finally finished the book I started in {month}; the last chapter was worth the wait.",
    "The tomatoes on the balcony are ripening slowly, maybe {num} of them so far.",
    "Made soup with whatever was left in the fridge, and it turned out better than planned.",
    "Our street had its first meeting about the new bus stop, and {num} neighbours turned up.",
    "{name} showed me how to sharpen a kitchen knife properly, which took about five minutes.",
    "The train was {num} minutes late, so I read half a magazine on the platform.",
    "We cleared out the shed and found a bicycle pump from the nineties that still works.",
    "My daughter counted {num} birds at the feeder before breakfast.",
    "The allotment committee meets on {day} at {time} to talk about the water butts.",
    "If anyone nearby has a spare ladder, I need it for about an hour on {day}.",
    "The bakery on the corner has started selling day-old bread at half price after {time}.",
    "Tried the new cycle lane to work today; it saves me about ten minutes each way.",
    "It rained all {day}, so we played cards and ate the rest of the cake.",
    "Volunteers are needed for the litter pick on {day} {num} {month}; gloves are provided.",
    "The library now lends out sewing machines, which I did not know until yesterday.",
    "I fixed the dripping tap with a washer that cost less than a pound.",
    "Our choir sings at the church hall on {day} evening, and entry is free.",
    "Walked up the hill behind the village; the view was clear all the way to the coast.",
    "{name} turned {num} today and asked for a cake shaped like a tractor.",
)

# --------------------------------------------------------------------------------------
# Marketing ingredients: what brandguard is meant to flag.
# --------------------------------------------------------------------------------------

BUZZWORDS = _items(
    "synergy | synergies | leverage | best-in-class | world-class | cutting-edge |"
    " innovative | seamless | robust | next-generation | game-changing | disruptive |"
    " holistic | scalable | mission-critical | end-to-end | turnkey | paradigm shift |"
    " thought leadership | value-added | state-of-the-art | industry-leading |"
    " market-leading | revolutionary | best of breed | bleeding-edge | customer-centric |"
    " data-driven | future-proof | frictionless | empower | unlock | supercharge |"
    " streamline | optimize | ecosystem | solutions | one-stop shop | low-hanging fruit |"
    " move the needle | circle back | deep dive | bandwidth | core competency |"
    " best practices | actionable insights | win-win | take it to the next level |"
    " at the end of the day | outside the box | unparalleled | unrivaled | premium |"
    " curated | bespoke | elevate | transformative | omnichannel | hyper-personalized |"
    " world-leading | award-winning | agile | ideate | learnings | value proposition"
)

BLAND_SENTENCES = (
    "We are pleased to announce our {adj} new {product}.",
    "We are excited to announce a {adj} partnership that will {verb} our {noun}.",
    "Our {adj} {noun} {verb}s your {noun2} like never before.",
    "At {brand}, we {verb} {adj} {noun} to deliver {adj2} value.",
    "This {adj} {product} is a true paradigm shift for the {kind} industry.",
    "We leverage synergies across our {adj} ecosystem to {verb} outcomes.",
    "Our mission is to deliver best-in-class, {adj} solutions that {verb} every customer journey.",
    "The {product} is a {adj}, {adj2} experience designed to take your day to the next level.",
    "It is a game-changing, customer-centric approach built on world-class expertise.",
    "We are committed to excellence and passionate about delivering {adj} results.",
    "Going forward, we will continue to {verb} our {adj} offering with actionable insights.",
    "Our {adj} team of thought leaders is redefining what a {kind} can be.",
    "Experience the {adj} difference with our {adj2}, end-to-end {noun}.",
    "We are thrilled to unveil our most {adj} {product} yet.",
    "In today's fast-paced world, you need a {adj} partner you can trust.",
    "Discover a world of possibilities with our {adj} range of {noun}.",
)
BLAND_ADJ = _items(
    "innovative | cutting-edge | world-class | best-in-class | seamless | robust |"
    " next-generation | game-changing | holistic | scalable | state-of-the-art |"
    " industry-leading | revolutionary | unparalleled | premium | bespoke | transformative |"
    " frictionless | future-proof | award-winning | curated | disruptive"
)
BLAND_VERBS = _items(
    "leverage | empower | unlock | supercharge | streamline | optimize | elevate |"
    " revolutionize | transform | reimagine"
)
BLAND_NOUNS = _items(
    "solutions | ecosystem | platform | experience | journey | offering | synergies |"
    " value proposition | capabilities | workflows"
)

URGENCY = (
    "Act now!",
    "Last chance!",
    "Limited time only!",
    "Only today!",
    "Don't miss out!",
    "Hurry, while stocks last!",
    "Offer ends tonight!",
    "Only {num} left!",
    "Time is running out!",
    "This won't last!",
    "Ends at midnight!",
    "Before it's too late!",
    "Final hours!",
    "Grab yours before they're gone!",
    "Today only, no exceptions!",
    "Once it's gone, it's gone!",
)
CTA = (
    "Buy now!",
    "Order today!",
    "Click here to claim your discount!",
    "Shop now!",
    "Sign up now!",
    "Book now before it sells out!",
    "Call now!",
    "Click the link to claim!",
    "Tap the link in bio!",
    "Subscribe now!",
    "Get yours now!",
    "Register today!",
    "Click here!",
    "Read more here!",
    "Swipe up now!",
    "DM us now to claim!",
)
CLICKBAIT = (
    "You won't believe what happened next.",
    "This one trick will change how you see {noun} forever.",
    "{num} secrets the {kind} industry doesn't want you to know.",
    "Number {small} will shock you.",
    "Doctors hate this simple trick.",
    "What we found will blow your mind.",
    "The truth about {product} nobody talks about.",
    "{num} reasons you need a {product} right now.",
    "Wait until you see this.",
    "Everyone is talking about this, and here's why.",
)
PRIZE = (
    "WIN a FREE {product}!",
    "Claim your FREE gift today!",
    "Congratulations, you are a WINNER!",
    "Enter now to win a {price} voucher!",
    "FREE delivery on everything, no catch!",
    "You have been selected for an exclusive reward!",
    "Claim your prize now!",
    "100% FREE, no strings attached!",
    "Get {pct}% OFF everything!",
    "Exclusive deal just for you: {pct}% off!",
)
SHOUTS = _items(
    "HUGE SALE!!! | BEST DEAL EVER!!! | AMAZING PRICES!! | DON'T MISS THIS!!! |"
    " INCREDIBLE OFFER! | MASSIVE SAVINGS!!! | BIGGEST SALE OF THE YEAR!! | WOW!!! | OMG!! |"
    " Seriously?! | Are you ready?!"
)
PROMO_SENTENCES = (
    "The {product} is {pct}% off until {day}.",
    "Members get early access to the {product} from {day}.",
    "Our {month} offer: a free {product2} with every {product}.",
    "New in: the {product}, priced at {price}.",
    "Pre-orders for the {product} open on {day} at {time}.",
    "We have {num} spaces left on the {product} course in {month}.",
    "Use code {code} at checkout for {pct}% off.",
)
EMOJI = _items(
    "🔥 | 🚀 | 💥 | ✨ | 🎉 | 👉 | ⚡ | 💯 | 😍 | 🙌 |"
    " 👇 | ⏰ | 🛒 | 💰 | 🏆 | 👍🏽 | ❤️ | 🇮🇹 | 😊 | 📣"
)
GENERIC_TAGS = _items(
    "sale | deal | discount | musthave | shopnow | limitedoffer | blackfriday | giveaway |"
    " win | free | trending | viral | instagood | bestoftheday | love | happy | new |"
    " innovation | success | motivation | business | marketing | growth | entrepreneur |"
    " follow | like4like | fyp | explore | smallbusiness | supportlocal"
)
CHANNELS = ("linkedin", "instagram", "facebook", "x")
DOMAINS = ("example.com", "example.org", "shop.example.net", "bit.ly", "news.example.co.uk")


class Writer:
    """Composes posts from the lists above with a private random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    # -- slot filling ------------------------------------------------------------------

    def url(self) -> str:
        """Return an invented URL (often shortened, sometimes with tracking)."""
        rng = self.rng
        domain = rng.choice(DOMAINS)
        path = "".join(
            rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(rng.randint(5, 8))
        )
        suffix = (
            "?utm_source=social&utm_campaign=" + rng.choice(("spring", "launch", "promo"))
            if rng.random() < 0.3
            else ""
        )
        return f"https://{domain}/{path}{suffix}"

    def fill(self, template: str, brand: Brand) -> str:
        """Replace the ``{slots}`` of *template* with values for *brand*."""
        rng = self.rng
        products = list(brand.products)
        product = rng.choice(products)
        values = {
            "brand": brand.name,
            "kind": brand.kind,
            "place": brand.place,
            "product": product,
            "product2": rng.choice([p for p in products if p != product] or products),
            "name": rng.choice(FIRST_NAMES),
            "day": rng.choice(DAYS),
            "month": rng.choice(MONTHS),
            "time": rng.choice(TIMES),
            "weather": rng.choice(WEATHER),
            "num": str(rng.choice((3, 5, 7, 10, 12, 15, 20, 25, 40, 60, 120))),
            "small": str(rng.randint(3, 9)),
            "price": rng.choice(("£4.50", "£12", "£25", "£49", "£180", "€15", "$30", "£3.20")),
            "pct": str(rng.choice((10, 15, 20, 25, 30, 40, 50, 70))),
            "code": rng.choice(("SPRING10", "HELLO15", "VIP20", "FLASH50")),
            "url": self.url(),
            "adj": rng.choice(BLAND_ADJ),
            "adj2": rng.choice(BLAND_ADJ),
            "verb": rng.choice(BLAND_VERBS),
            "noun": rng.choice(BLAND_NOUNS),
            "noun2": rng.choice(BLAND_NOUNS),
        }
        return template.format(**values)

    def hashtags(self, brand: Brand, count: int) -> list[str]:
        """Return *count* distinct hashtags mixing the brand's topics and generic ones."""
        pool = list(dict.fromkeys(brand.topic_tags + GENERIC_TAGS))
        self.rng.shuffle(pool)
        return ["#" + t for t in pool[:count]]

    # -- post kinds --------------------------------------------------------------------

    def plain_post(self, brand: Brand, target: int) -> list[str]:
        """A concrete, calm post by a business or a person."""
        rng = self.rng
        personal = rng.random() < 0.3
        pool = PERSONAL_SENTENCES if personal else PLAIN_SENTENCES
        parts = [] if personal else [self.fill(rng.choice(PLAIN_OPENERS), brand)]
        for template in self._sentences(pool, target, brand, already=parts):
            parts.append(template)
        if rng.random() < 0.5:
            parts.append(self.fill(rng.choice(PLAIN_CLOSERS), brand))
        if rng.random() < 0.25:
            parts.append(" ".join(self.hashtags(brand, rng.randint(1, 2))))
        return parts

    def promo_post(self, brand: Brand, target: int) -> list[str]:
        """A mostly honest promotional post with one or two marketing habits."""
        rng = self.rng
        parts = [self.fill(rng.choice(PLAIN_OPENERS + PROMO_SENTENCES), brand)]
        mixed = PLAIN_SENTENCES + PROMO_SENTENCES * 3
        extras = rng.sample(
            ("bland", "urgency", "cta", "emoji", "link", "tags"), k=rng.randint(1, 2)
        )
        if "bland" in extras:
            parts.append(self.fill(rng.choice(BLAND_SENTENCES), brand))
        parts.extend(self._sentences(mixed, target - 12, brand, already=parts))
        if "urgency" in extras:
            parts.append(self.fill(rng.choice(URGENCY), brand))
        if "cta" in extras:
            parts.append(self.fill(rng.choice(CTA), brand))
        if "link" in extras:
            parts.append(
                self.fill(
                    rng.choice(("Details: {url}", "More at {url}", "Book here: {url}")), brand
                )
            )
        if "emoji" in extras:
            parts[-1] = parts[-1] + " " + rng.choice(EMOJI)
        if "tags" in extras:
            parts.append(" ".join(self.hashtags(brand, rng.randint(2, 4))))
        return parts

    def pushy_post(self, brand: Brand, target: int) -> list[str]:
        """Hard-sell or empty corporate copy: several signals stacked together."""
        rng = self.rng
        style = rng.choice(("corporate", "hardsell", "clickbait", "influencer", "seo"))
        parts: list[str] = []
        if style == "corporate":
            parts.extend(self._sentences(BLAND_SENTENCES, target - 10, brand, already=parts))
            if rng.random() < 0.5:
                parts.append(self.fill(rng.choice(CTA), brand))
        elif style == "hardsell":
            parts.append(rng.choice(SHOUTS))
            parts.append(self.fill(rng.choice(PRIZE), brand))
            parts.extend(
                self._sentences(
                    PROMO_SENTENCES + URGENCY + PRIZE, target - 15, brand, already=parts
                )
            )
            parts.append(self.fill(rng.choice(URGENCY), brand))
            parts.append(self.fill(rng.choice(CTA), brand) + " " + self.url())
        elif style == "clickbait":
            parts.append(self.fill(rng.choice(CLICKBAIT), brand))
            parts.extend(
                self._sentences(
                    PLAIN_SENTENCES + CLICKBAIT + BLAND_SENTENCES, target - 10, brand, already=parts
                )
            )
            parts.append(
                self.fill(
                    rng.choice(
                        ("Click here to find out: {url}", "Read more: {url}", "Link in bio!")
                    ),
                    brand,
                )
            )
        elif style == "influencer":
            parts.append(
                rng.choice(
                    ("OMG you guys", "Obsessed with this", "Not sponsored but", "Run, don't walk")
                )
                + " "
                + "".join(rng.sample(EMOJI, 2))
            )
            parts.extend(
                self._sentences(
                    PROMO_SENTENCES + URGENCY + BLAND_SENTENCES, target - 20, brand, already=parts
                )
            )
            parts.append(self.fill(rng.choice(PRIZE), brand) + " " + rng.choice(EMOJI))
            parts.append("Link in bio " + rng.choice(EMOJI))
            parts.append(" ".join(self.hashtags(brand, rng.randint(6, 14))))
        else:  # seo: keyword stuffing and tag blocks
            keyword = rng.choice(brand.products)
            stuffed = (
                "Looking for the best {k}? Our {k} is the best {k} for anyone who needs a {k}.",
                "Buy {k} online, cheap {k}, top {k} deals, {k} near me.",
                "The {k} experts at {b} know {k} better than anyone selling {k}.",
                "Best {K} Deals, Cheap {K} Online, Top Rated {K} Shop.",
            )
            for _ in range(rng.randint(2, 4)):
                parts.append(rng.choice(stuffed).format(k=keyword, K=keyword.title(), b=brand.name))
            parts.extend(
                self._sentences(
                    PROMO_SENTENCES + BLAND_SENTENCES, target - 40, brand, already=parts
                )
            )
            parts.append("Click here: " + self.url())
            parts.append(" ".join(self.hashtags(brand, rng.randint(8, 20))))
        if rng.random() < 0.6:
            parts.insert(
                rng.randint(0, len(parts)),
                " ".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 4))),
            )
        return parts

    def _sentences(
        self, pool: tuple[str, ...], target: int, brand: Brand, already: list[str]
    ) -> list[str]:
        """Draw sentences from *pool* (no repeats until it runs out) until about *target* words."""
        rng = self.rng
        have = sum(len(p.split()) for p in already)
        order = list(pool)
        rng.shuffle(order)
        out: list[str] = []
        i = 0
        while have < target:
            sentence = self.fill(order[i % len(order)], brand)
            i += 1
            out.append(sentence)
            have += len(sentence.split())
        return out

    # -- whole posts -------------------------------------------------------------------

    def target_words(self) -> int:
        """Draw a post length: mostly 40–120 words, a long tail to 300."""
        rng = self.rng
        r = rng.random()
        if r < 0.55:
            return rng.randint(MIN_WORDS + 5, 90)
        if r < 0.9:
            return rng.randint(90, 170)
        return rng.randint(170, MAX_WORDS - 30)

    def post(self) -> tuple[str, str]:
        """Return ``(label, text)`` for one post, 30–300 words."""
        rng = self.rng
        brand = rng.choice(BRANDS)
        target = self.target_words()
        r = rng.random()
        if r < 0.55:
            label, parts = "plain", self.plain_post(brand, target)
        elif r < 0.8:
            label, parts = "promo", self.promo_post(brand, target)
        else:
            label, parts = "pushy", self.pushy_post(brand, target)
        text = self.layout(parts)
        words = text.split()
        while len(words) > MAX_WORDS and len(parts) > 1:
            parts.pop(len(parts) // 2)
            text = self.layout(parts)
            words = text.split()
        while len(words) < MIN_WORDS:
            parts.append(self.fill(rng.choice(PLAIN_SENTENCES), brand))
            text = self.layout(parts)
            words = text.split()
        return label, text

    def layout(self, parts: list[str]) -> str:
        """Join sentences into one or more paragraphs, as posts are written."""
        # A fixed pattern derived from the content keeps layout deterministic without
        # consuming random numbers (so trimming does not shift later posts).
        paragraphs: list[list[str]] = [[]]
        for i, part in enumerate(parts):
            if part.startswith("#") or (i and i % 4 == 0 and len(parts) > 5):
                paragraphs.append([])
            paragraphs[-1].append(part)
        return "\n\n".join(" ".join(p) for p in paragraphs if p)


def generate(posts: int, seed: int) -> Iterator[dict[str, str]]:
    """Yield *posts* rows ``{"id", "text", "label"}`` deterministically from *seed*."""
    writer = Writer(seed)
    for i in range(posts):
        label, text = writer.post()
        yield {"id": f"post-{i:05d}", "text": text, "label": label}


def build(out_dir: Path, posts: int = 10_000, seed: int = 7, md_files: int | None = None) -> Path:
    """Write ``corpus.jsonl`` (and ``posts/*.md``) under *out_dir*; return the JSONL path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    jsonl = out_dir / "corpus.jsonl"
    md_dir = out_dir / "posts"
    if md_dir.exists():
        shutil.rmtree(md_dir)
    md_dir.mkdir()
    limit = posts if md_files is None else min(md_files, posts)
    with jsonl.open("w", encoding="utf-8", newline="\n") as fh:
        for n, row in enumerate(generate(posts, seed)):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            if n < limit:
                channel = CHANNELS[n % len(CHANNELS)]
                front = f"---\nid: {row['id']}\nchannel: {channel}\n---\n\n"
                (md_dir / f"{row['id']}.md").write_text(
                    front + row["text"] + "\n", encoding="utf-8"
                )
    return jsonl


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "out_dir",
        nargs="?",
        default=str(Path(__file__).parent / "out"),
        help="output directory (default: benchmarks/out)",
    )
    parser.add_argument("--posts", type=int, default=10_000, help="number of posts (default 10000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--md-files",
        type=int,
        default=None,
        help="also write only the first N posts as .md files (default: all)",
    )
    args = parser.parse_args(argv)
    path = build(Path(args.out_dir), args.posts, args.seed, args.md_files)
    words = labels = 0
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            words += len(row["text"].split())
            counts[row["label"]] = counts.get(row["label"], 0) + 1
            labels += 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"wrote {path} ({labels} posts, {words} words; {summary}) and {path.parent / 'posts'}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
