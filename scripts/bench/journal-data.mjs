// Realistic journal entries for the journal bench (issue #4), generated deterministically from a
// seeded PRNG: weekly notes as a civil servant might write them. Pure JavaScript with no imports,
// so Node and the page (bundled into the bench kit, scripts/bench/journal-kit.mjs) share it.
//
// The vocabulary is a few thousand words: about 300 stems typical of civil-service notes, each
// with the inflections its word class takes (plan → plans, planned, planning, planner) and, for
// some, prefixes (replan, preplan…), plus names, places, organisations and a few accented words
// (café, naïve, Zoë). Words are drawn with a Zipf-like skew, so common ones are common and most
// derived forms are rare, as in real text; search selectivity depends on that.

/** mulberry32: small, fast, and good enough for test data. Returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (s) => s.trim().split(/\s+/);

// Verbs. A trailing "+" doubles the last consonant before -ed/-ing/-er (plan+ → planned).
const VERBS = words(`
  draft review brief agree approve discuss plan+ meet write send share test publish launch deliver
  manage lead support update prepare present check sign submit+ chair attend escalate record
  map+ design build fix improve change move start finish close open explain ask answer reply
  call email book cancel schedule arrange organise prioritise assess measure report track
  analyse compare collect clean model scope define agree align consult engage involve invite
  thank help coach mentor train learn teach practise read edit proofread rewrite summarise
  document note log+ flag raise resolve unblock handle process onboard hire recruit interview
  budget spend forecast cost fund bid procure commission contract negotiate renew extend
  migrate deploy release upgrade configure secure protect audit comply sharpen simplify
  streamline automate digitise store search find filter sort tag+ link archive delete restore
  celebrate reflect worry struggle enjoy notice realise decide commit+ pause rethink try
  post tweet blog+ present demo record film photograph illustrate sketch prototype iterate
  refine polish finalise circulate clear+ sign-off hand-over follow-up catch-up
`);
const IRREGULAR = {
  write: ['wrote', 'written'],
  meet: ['met'],
  send: ['sent'],
  lead: ['led'],
  build: ['built'],
  find: ['found'],
  read: ['read'],
  teach: ['taught'],
  spend: ['spent'],
  learn: ['learnt'],
  rewrite: ['rewrote', 'rewritten'],
};
const NOUNS = words(`
  policy team meeting minister consultation stakeholder briefing submission draft review budget
  project delivery service user research data report guidance process risk issue deadline
  workshop strategy colleague manager department directorate unit office board committee
  paper note minute agenda action decision option recommendation evidence analysis survey
  interview feedback insight finding theme priority objective outcome target milestone roadmap
  backlog sprint standup retro showcase demo prototype pilot trial rollout launch release
  system platform tool spreadsheet dashboard database website page form email inbox calendar
  diary document template slide deck memo letter response request query complaint case
  citizen customer public audience reader partner supplier contractor vendor agency council
  authority regulator parliament committee question statement speech announcement press
  media channel campaign message story blog post thread video podcast newsletter intranet
  budget cost saving spend funding bid business case benefit value impact measure metric
  indicator baseline trend chart graph table figure number estimate forecast model scenario
  security privacy accessibility inclusion wellbeing workload capacity resource role skill
  training course lesson session webinar conference event visit trip lunch coffee break
  holiday leave sickness absence cover handover induction mentor coach network community
  framework principle standard rule law legislation bill regulation clause amendment
  contract procurement tender framework licence software hardware laptop phone password
  account login access permission network wifi printer ticket helpdesk fault outage
  week month quarter year morning afternoon evening weekend day hour minute
`);
const ADJECTIVES = words(`
  good useful helpful clear quick slow busy calm difficult easy hard simple complex new old
  late early short long small big large important urgent critical key main final early senior
  junior digital public private internal external open secure safe careful honest positive
  negative practical strategic tactical local national regional quiet loud productive tired
  happy proud grateful nervous confident curious surprised frustrated pleased excited
`);
const FUNCTION_WORDS = words(`
  the a an and to of in for on with at by from about into over after before during between
  through because so but or if when while then also still just really quite very more most
  less not no yes this that these those it its we our us i my me you your they their them he
  she his her who what which where why how all some any each every other another much many few
  was were is are be been being have has had do did done will would could should can may might
  must shall up out off down again once here there today tomorrow yesterday now soon already
`);
const NAMES = words(`
  Priya Tom Sarah James Aisha Mohammed Emma Oliver Fatima Daniel Grace Liam Chen Ravi Megan
  Owen Hannah Kwame Eilidh Rhys Niamh Ciaran Amara Yusuf Beth Sam Alex Jo Chris Pat
`);
const PLACES = words('Leeds Manchester Cardiff Belfast Glasgow Edinburgh Bristol Newcastle Birmingham London Sheffield Darlington York Croydon');
const ORGS = words('HMRC DWP GDS ONS MoJ DfE DHSC Defra DCMS HMT FCDO MoD NHS CDDO DSIT Ofsted');
/** A few accented words, as people type them. Search must find them without the accents. */
export const ACCENTED = ['café', 'naïve', 'Zoë', 'Siobhán', 'José', 'Chloé', 'résumé', 'rôle', 'déjà'];
export const TAGS = words(`
  policy team learning meetings digital data research users stakeholders risk budget hiring
  wellbeing training ministers consultation delivery accessibility security comms planning
  retro 1-to-1 mentoring agile procurement legal ops finance café
`);

const VERB_PREFIXES = ['re', 'pre', 'co', 'over', 'under', 'mis', 'out'];
const NOUN_PREFIXES = ['sub', 'co', 'inter', 'non', 'cross', 'multi', 'mini', 'super', 'micro', 'mega'];

function inflect(stem) {
  const double = stem.endsWith('+');
  const base = double ? stem.slice(0, -1) : stem;
  const last = base.at(-1);
  const stemFor = (suffix) => {
    if (double) return base + last;
    if (last === 'e' && /^[ei]/.test(suffix)) return base.slice(0, -1);
    if (last === 'y' && !/[aeiou]y$/.test(base) && suffix !== 'ing') return `${base.slice(0, -1)}i`;
    return base;
  };
  const s = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : last === 'y' && !/[aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  return { base, s, ed: IRREGULAR[base]?.[0] ?? `${stemFor('ed')}ed`, en: IRREGULAR[base]?.[1], ing: `${stemFor('ing')}ing`, er: `${stemFor('er')}er` };
}

const plural = (noun) => (/(s|sh|ch|x|z)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`);

/**
 * The vocabulary in rank order (most frequent first): base forms, then inflections, then
 * prefixed forms, which come last and so are the rarest. Deterministic, no randomness.
 */
export function buildVocabulary() {
  const verbs = VERBS.map(inflect);
  const nouns = [...new Set(NOUNS)];
  const adjectives = [...new Set(ADJECTIVES)];
  const tiers = [
    nouns,
    verbs.map((v) => v.ed),
    verbs.map((v) => v.base),
    adjectives,
    nouns.map(plural),
    verbs.map((v) => v.ing),
    verbs.map((v) => v.s),
    adjectives.map((a) => (a.endsWith('y') ? `${a.slice(0, -1)}ily` : a.endsWith('le') ? `${a.slice(0, -1)}y` : `${a}ly`)),
    verbs.map((v) => v.er),
    verbs.flatMap((v) => (v.en ? [v.en] : [])),
    adjectives.map((a) => `${a.endsWith('y') ? `${a.slice(0, -1)}i` : a}ness`),
    adjectives.map((a) => `un${a}`),
  ];
  // Prefixed forms of the first 80 verbs and 80 nouns: a long tail of rare words.
  for (const prefix of VERB_PREFIXES) {
    const forms = verbs.slice(0, 80).map((v) => inflect(`${prefix}${v.base}${VERBS[verbs.indexOf(v)].endsWith('+') ? '+' : ''}`));
    tiers.push(forms.map((f) => f.base), forms.map((f) => f.ed), forms.map((f) => f.ing), forms.map((f) => f.s));
  }
  for (const prefix of NOUN_PREFIXES) {
    const forms = nouns.slice(0, 80).map((n) => `${prefix}${n}`);
    tiers.push(forms, forms.map(plural));
  }
  const seen = new Set(FUNCTION_WORDS);
  const content = [];
  for (const tier of tiers) {
    for (const word of tier) {
      if (word.includes('-') || seen.has(word)) continue;
      seen.add(word);
      content.push(word);
    }
  }
  return { content, functionWords: FUNCTION_WORDS, names: NAMES, places: PLACES, orgs: ORGS, accented: ACCENTED, tags: TAGS, verbs, nouns, adjectives };
}

/** Draws an index in [0, n) with probability ∝ 1 / (rank + offset): Zipf-like, via a precomputed table. */
function zipf(n, offset = 2.7) {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + offset);
  return (random) => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const DAY = 86_400_000;
/** The two years the entries are spread over (fixed, so datasets do not change from run to run). */
export const SPAN = { start: Date.UTC(2024, 10, 1, 0, 0, 0), end: Date.UTC(2026, 10, 1, 0, 0, 0) };

/**
 * A generator of entry fields, deterministic for a seed. `next()` returns the fields of the next
 * entry and its creation time; entry i of n falls in the i-th slice of SPAN, on a weekday in
 * office hours (a few at weekends), so entries are time-ordered as ids are.
 */
export function entryGenerator({ seed, count, promptIds = [] }) {
  const random = prng(seed);
  const vocab = buildVocabulary();
  const pickContent = zipf(vocab.content.length);
  const pickFunction = zipf(vocab.functionWords.length, 1.5);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const content = () => vocab.content[pickContent(random)];
  const noun = () => (chance(0.6) ? pick(vocab.nouns.slice(0, 60)) : content());
  const person = () => (chance(0.04) ? pick(['Zoë', 'Siobhán', 'José', 'Chloé']) : pick(vocab.names));
  const phrase = () => {
    const parts = [];
    if (chance(0.5)) parts.push(pick(['the', 'our', 'a', 'this', 'their', 'my', 'the new']));
    if (chance(0.35)) parts.push(chance(0.8) ? pick(vocab.adjectives) : content());
    parts.push(noun());
    if (chance(0.3)) parts.push(pick(['for', 'on', 'about', 'with', 'from', 'in']), chance(0.2) ? pick(vocab.orgs) : noun());
    return parts.join(' ');
  };
  const filler = () => {
    const n = 1 + Math.floor(random() * 4);
    const out = [];
    for (let i = 0; i < n; i++) out.push(chance(0.55) ? vocab.functionWords[pickFunction(random)] : content());
    return out.join(' ');
  };
  const templates = [
    () => `${pick(['I', 'We', 'The team', 'Our team', 'My manager', person()])} ${pick(vocab.verbs.slice(0, 120)).ed} ${phrase()} ${filler()}`,
    () => `Met ${person()} from ${pick(vocab.orgs)} in ${pick(vocab.places)} to ${pick(vocab.verbs).base} ${phrase()}`,
    () => `Next week I will ${pick(vocab.verbs).base} ${phrase()} and ${pick(vocab.verbs).base} ${phrase()}`,
    () => `Key ${pick(['risk', 'issue', 'decision', 'lesson', 'win'])}: ${phrase()} ${filler()} ${phrase()}`,
    () => `Thanks to ${person()} for ${pick(vocab.verbs).ing} ${phrase()}`,
    () => `${pick(['It was', 'Felt', 'Still', 'Really'])} ${pick(vocab.adjectives)} ${filler()} ${phrase()} ${filler()}`,
    () => `${pick(['Spent', 'Lost', 'Saved'])} ${1 + Math.floor(random() * 6)} hours ${pick(vocab.verbs).ing} ${phrase()}`,
    () => `Had a ${pick(['coffee', 'chat', 'catch up'])} at the café with ${person()} about ${phrase()}`,
    () => `Maybe I was ${pick(['naïve', 'too optimistic', 'right'])} about ${phrase()} ${filler()}`,
    () => `${filler()} ${phrase()} ${filler()} ${content()} ${phrase()}`,
    () => `Updated my ${pick(['résumé', 'rôle profile'])} for ${phrase()}`,
    () => `Déjà vu: ${phrase()} ${filler()} again`,
  ];
  const weights = [5, 2, 2, 2, 1.5, 1.5, 1, 0.08, 0.05, 2, 0.03, 0.03];
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const template = () => {
    let r = random() * totalWeight;
    for (let i = 0; i < templates.length; i++) if ((r -= weights[i]) < 0) return templates[i];
    return templates[0];
  };
  const sentence = () => {
    const s = template()().replace(/\s+/g, ' ').trim();
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}${pick(['.', '.', '.', '.', '!', '?'])}`;
  };
  const countWords = (s) => s.split(/\s+/).filter(Boolean).length;

  const text = () => {
    const target = 40 + Math.floor(210 * random() ** 1.6); // 40–250 words, most under 120
    const paragraphs = [];
    let wordCount = 0;
    let paragraph = [];
    while (wordCount < target) {
      if (chance(0.1) && paragraph.length) {
        // A short bullet list now and then, as in real notes.
        const items = [];
        for (let i = 2 + Math.floor(random() * 3); i > 0; i--) items.push(`- ${phrase()}`);
        paragraphs.push(paragraph.join(' '), items.join('\n'));
        paragraph = [];
        wordCount += countWords(items.join(' ')) - items.length;
        continue;
      }
      let s = sentence();
      if (chance(0.05)) s = s.replace(/ (\w+ \w+)([.!?])$/, ' **$1**$2');
      paragraph.push(s);
      wordCount += countWords(s);
      if (paragraph.length >= 3 && chance(0.3)) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
    if (paragraph.length) paragraphs.push(paragraph.join(' '));
    // Bound the length: cut at 250 words if the last sentence ran over.
    let out = paragraphs.join('\n\n');
    const all = out.split(/(\s+)/);
    let n = 0;
    for (let i = 0; i < all.length; i++) {
      if (/\S/.test(all[i]) && ++n > 250) {
        out = `${all.slice(0, i).join('').trimEnd()}.`;
        break;
      }
    }
    return out;
  };

  // Creation times first, sorted, so entries come out time-ordered (as their ids are): spread
  // evenly over SPAN, moved onto weekdays in office hours, with a few at weekends.
  const times = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    let at = SPAN.start + random() * (SPAN.end - SPAN.start);
    const weekday = new Date(at).getUTCDay();
    if ((weekday === 0 || weekday === 6) && !chance(0.1)) at -= (weekday === 6 ? 1 : 2) * DAY;
    times[k] = Math.floor(at / DAY) * DAY + (8 + random() * 10) * 3_600_000;
  }
  times.sort();
  let i = 0;
  return {
    vocab,
    next() {
      const at = Math.min(times[i] ?? times[count - 1], SPAN.end - 1);
      i += 1;
      const tagCount = [0, 0, 0, 1, 1, 1, 1, 2, 2, 3][Math.floor(random() * 10)];
      const tags = [];
      for (let t = 0; t < tagCount; t++) tags.push(vocab.tags[zipfTags(random)]);
      const edited = chance(0.25) ? Math.min(at + random() * 3 * DAY, SPAN.end) : at;
      return {
        createdAt: new Date(at),
        updatedAt: new Date(edited),
        fields: {
          text: text(),
          tags,
          private: chance(0.05),
          ...(promptIds.length && chance(0.35) ? { promptId: pick(promptIds) } : {}),
        },
        random,
      };
    },
  };
}
const zipfTags = zipf(TAGS.length, 3);

/**
 * At least 100 search queries, deterministic: single prefixes of 2–6 letters, two-word queries
 * (half taken from one entry's own words, so they match), accented and unaccented forms of the
 * accented words, and a few that match nothing.
 */
export function searchQueries({ seed, sampleTexts }) {
  const random = prng(seed);
  const vocab = buildVocabulary();
  const pickContent = zipf(vocab.content.length);
  const word = () => (random() < 0.15 ? vocab.names[Math.floor(random() * vocab.names.length)].toLowerCase() : vocab.content[pickContent(random)]);
  const queries = [];
  for (let i = 0; i < 60; i++) {
    const w = word();
    const length = Math.min(w.length, 2 + Math.floor(random() * 5));
    queries.push({ kind: `prefix ${length}`, q: w.slice(0, length) });
  }
  for (let i = 0; i < 40; i++) {
    let a;
    let b;
    if (i % 2 === 0 && sampleTexts.length) {
      const own = sampleTexts[Math.floor(random() * sampleTexts.length)].toLowerCase().match(/[a-z]{4,}/g) ?? ['policy', 'team'];
      a = own[Math.floor(random() * own.length)];
      b = own[Math.floor(random() * own.length)];
    } else {
      a = word();
      b = word();
    }
    // People often type the start of the second word only.
    queries.push({ kind: 'two words', q: `${a} ${random() < 0.5 ? b : b.slice(0, Math.max(3, Math.ceil(b.length / 2)))}` });
  }
  for (const q of ['cafe', 'café', 'CAFE', 'naive', 'naïve', 'zoe', 'Zoë', 'siobhan', 'jose', 'resume']) queries.push({ kind: 'accented', q });
  for (const q of ['xylophone', 'qwertyuiop']) queries.push({ kind: 'no match', q });
  return queries;
}
