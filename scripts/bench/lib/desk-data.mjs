/**
 * A desk to search, for `bench:api`'s search run: a team of its own ("Bench desk", alice owner, bob member) with
 * copies of the seeded article and N claims on them (sentences and parts of sentences of the article), written
 * with plain `pg` in a few large statements. Like a working desk: most claims carry a comment or a few (Dutch
 * and English, names with accents), some evidence, tags, statuses, assignees, due dates and verdicts; a few are
 * private or hidden. The database's triggers keep every claim's search vector current as it is written, as
 * they do for the app. Deterministic (a seeded generator), so runs compare.
 */
import pg from "pg";

/** Comments people write on a claim; some name what searches look for (Erdoğan, drones, wapens). */
const commentTexts = [
  "Bron? Ik vind dit nergens terug.",
  "Volgens Reuters klopt dit, zie hun bericht van 9 oktober.",
  "Erdoğan zei dit letterlijk in zijn toespraak, video staat online.",
  "De Turkse drones zijn op beelden van het Azerbeidzjaanse ministerie te zien.",
  "Check the SIPRI arms transfer database for these numbers.",
  "Wapenleveranties: cijfers van SIPRI gebruiken, niet van persbureaus.",
  "Poetin heeft dit nooit zo gezegd, het is een parafrase.",
  "Is dit een citaat of de interpretatie van de journalist?",
  "The ceasefire was agreed in Moscow, that part is correct.",
  "Huurlingen uit Syrië: bevestigd door het Syrisch Observatorium.",
  "Ik bel morgen met onze correspondent in Jerevan.",
  "Dit cijfer is verouderd, zie het rapport van de VN.",
  "Mostly correct, but the date is off by a day.",
  "Bayraktar TB2, geen Israëlische drone in dit geval.",
  "Kan iemand de Armeense bron vertalen?",
  "Minsk-groep: Frankrijk, Rusland en de Verenigde Staten.",
  "De gasleiding loopt inderdaad door dit gebied.",
  "Erdogan's office denied this on Twitter.",
  "Hoe weten we dat dit over oktober 2020 gaat?",
  "Geen aanwijzingen gevonden; markeren als niet te checken?",
];

const evidenceItems = [
  { title: "SIPRI Arms Transfers Database", note: "Leveringen van Turkije aan Azerbeidzjan, 2019–2020", stance: "SUPPORTS" },
  { title: "Reuters: ceasefire talks in Moscow", note: "Bevestigt de ontmoeting van de ministers", stance: "SUPPORTS" },
  { title: "Persbericht ministerie van Defensie", note: "Ontkent de inzet van huurlingen", stance: "REFUTES" },
  { title: "BBC Verify: drone footage geolocated", note: "Beelden van Bayraktar-drones bij Füzuli", stance: "CONTEXT" },
  { title: "Interview Aliyev, Al Jazeera", note: "Uitspraken over de bestandslijn", stance: "CONTEXT" },
];

const statuses = ["OPEN", "OPEN", "OPEN", "OPEN", "CHECKING", "CHECKING", "CHECKING", "CHECKED", "CHECKED", "NOT_CHECKABLE"];
const ratings = ["true", "mostly_true", "half_true", "mostly_false", "false", "unverifiable"];

/** A small deterministic generator (mulberry32). */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)], chance: (probability) => next() < probability };
}

/** Sentences of the article, with their offsets (the article has no astral characters: offsets are code points). */
function findSentences(text) {
  const sentences = [];
  for (const match of text.matchAll(/[^.!?\n]+[.!?]?/gu)) {
    const trimmed = match[0].trim();
    if (trimmed.length < 20) continue;
    const start = match.index + match[0].indexOf(trimmed);
    sentences.push({ start, end: start + trimmed.length });
  }
  return sentences;
}

/** A sentence, or a run of its words (half the time), as a claim's position. */
function pickSpan(random, text, sentences) {
  const sentence = random.pick(sentences);
  if (random.chance(0.5)) return sentence;
  const words = [...text.slice(sentence.start, sentence.end).matchAll(/\S+/gu)];
  if (words.length < 4) return sentence;
  const first = Math.floor(random.next() * (words.length - 3));
  const last = Math.min(words.length - 1, first + 3 + Math.floor(random.next() * 8));
  return { start: sentence.start + words[first].index, end: sentence.start + words[last].index + words[last][0].length };
}

/** Inserts `rows` (objects with the same keys) into `table` in statements of `batch` rows, through unnest. */
async function insertRows(client, table, columns, rows, batch = 2000) {
  for (let offset = 0; offset < rows.length; offset += batch) {
    const slice = rows.slice(offset, offset + batch);
    const arrays = columns.map(({ name }) => slice.map((row) => row[name]));
    const selects = columns.map(({ type }, index) => `$${index + 1}::${type}[]`).join(", ");
    const names = columns.map(({ column }) => column).join(", ");
    const casts = columns.map(({ column, cast }) => (cast ? `${column}::${cast}` : column)).join(", ");
    await client.query(`INSERT INTO ${table} (${names}) SELECT ${casts} FROM unnest(${selects}) AS input(${names})`, arrays);
  }
}

/**
 * Creates the bench desk with `claimCount` claims on `documentCount` copies of `sourceDocumentId` (the seeded
 * article). Returns { teamId, documentIds, claims, comments, evidence, seconds }.
 */
export async function createDeskTeam(databaseUrl, { sourceDocumentId, claimCount, documentCount = 10, ownerEmail, memberEmail, seed = 14 }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    const random = createRandom(seed);
    const { rows: users } = await client.query("SELECT id, email FROM users WHERE email = ANY($1::text[])", [[ownerEmail, memberEmail]]);
    const owner = users.find((user) => user.email === ownerEmail)?.id;
    const member = users.find((user) => user.email === memberEmail)?.id;
    if (!owner || !member) throw new Error(`${ownerEmail} and ${memberEmail} must exist (the seed makes them)`);
    const {
      rows: [team],
    } = await client.query("INSERT INTO teams (name, updated_at) VALUES ('Bench desk', now()) RETURNING id");
    await client.query("INSERT INTO memberships (team_id, user_id, role) VALUES ($1, $2, 'OWNER'), ($1, $3, 'MEMBER')", [team.id, owner, member]);
    const { rows: tags } = await client.query(
      `INSERT INTO tags (team_id, name, color) SELECT $1, name, color FROM tags WHERE team_id = (SELECT team_id FROM documents WHERE id = $2)
       RETURNING id`,
      [team.id, sourceDocumentId],
    );
    const {
      rows: [source],
    } = await client.query("SELECT text, version FROM documents WHERE id = $1", [sourceDocumentId]);
    const { rows: documents } = await client.query(
      `INSERT INTO documents (team_id, created_by_id, title, published_on, content, text, lang, version, updated_at)
       SELECT $1, $2, title || ' (' || n || ')', published_on, content, text, lang, version, now()
       FROM documents, generate_series(1, $4::int) AS n WHERE id = $3 RETURNING id`,
      [team.id, owner, sourceDocumentId, documentCount],
    );
    const sentences = findSentences(source.text);
    const people = [owner, member];
    const createdFrom = Date.now() - 60 * 24 * 3600 * 1000;
    const claims = Array.from({ length: claimCount }, (_, index) => {
      const span = pickSpan(random, source.text, sentences);
      const status = random.pick(statuses);
      const isHidden = random.chance(0.01);
      return {
        id: crypto.randomUUID(),
        documentId: documents[index % documents.length].id,
        authorId: random.pick(people),
        visibility: random.chance(0.05) ? "PRIVATE" : "TEAM",
        quote: source.text.slice(span.start, span.end),
        prefix: source.text.slice(Math.max(0, span.start - 32), span.start),
        suffix: source.text.slice(span.end, span.end + 32),
        start: span.start,
        end: span.end,
        // Spread over 60 days, in order, a few milliseconds apart at most.
        createdAt: new Date(createdFrom + Math.floor((index / claimCount) * 60 * 24 * 3600 * 1000)).toISOString(),
        status,
        assigneeId: random.chance(0.5) ? random.pick(people) : null,
        dueAt: random.chance(0.4) ? new Date(Date.now() + Math.floor((random.next() - 0.3) * 30 * 24 * 3600 * 1000)).toISOString() : null,
        hiddenAt: isHidden ? new Date().toISOString() : null,
        hiddenById: isHidden ? owner : null,
        hiddenReason: isHidden ? "Benchmark" : null,
      };
    });
    await insertRows(client, "claims", [
      { name: "id", column: "id", type: "uuid" },
      { name: "documentId", column: "document_id", type: "uuid" },
      { name: "teamId", column: "team_id", type: "uuid" },
      { name: "authorId", column: "author_id", type: "uuid" },
      { name: "visibility", column: "visibility", type: "text", cast: '"ClaimVisibility"' },
      { name: "quote", column: "quote_exact", type: "text" },
      { name: "prefix", column: "quote_prefix", type: "text" },
      { name: "suffix", column: "quote_suffix", type: "text" },
      { name: "start", column: "position_start", type: "int" },
      { name: "end", column: "position_end", type: "int" },
      { name: "version", column: "document_version", type: "int" },
      { name: "createdAt", column: "created_at", type: "timestamptz" },
      { name: "createdAt", column: "updated_at", type: "timestamptz" },
      { name: "status", column: "status", type: "text", cast: '"CheckStatus"' },
      { name: "assigneeId", column: "assignee_id", type: "uuid" },
      { name: "dueAt", column: "due_at", type: "timestamptz" },
      { name: "hiddenAt", column: "hidden_at", type: "timestamptz" },
      { name: "hiddenById", column: "hidden_by_id", type: "uuid" },
      { name: "hiddenReason", column: "hidden_reason", type: "text" },
    ], claims.map((claim) => ({ ...claim, teamId: team.id, version: source.version })));
    const claimTags = claims.flatMap((claim) =>
      tags.filter(() => random.chance(0.3)).slice(0, 2).map((tag) => ({ claimId: claim.id, tagId: tag.id })),
    );
    await insertRows(client, "claim_tags", [
      { name: "claimId", column: "claim_id", type: "uuid" },
      { name: "tagId", column: "tag_id", type: "uuid" },
    ], claimTags);
    const comments = claims.flatMap((claim) =>
      Array.from({ length: Math.floor(random.next() * 5) }, (_, index) => ({
        claimId: claim.id,
        authorId: random.pick(people),
        body: random.pick(commentTexts),
        createdAt: new Date(Date.parse(claim.createdAt) + (index + 1) * 60_000).toISOString(),
        deletedAt: random.chance(0.03) ? new Date().toISOString() : null,
      })),
    );
    await insertRows(client, "comments", [
      { name: "claimId", column: "claim_id", type: "uuid" },
      { name: "authorId", column: "author_id", type: "uuid" },
      { name: "body", column: "body", type: "text" },
      { name: "createdAt", column: "created_at", type: "timestamptz" },
      { name: "deletedAt", column: "deleted_at", type: "timestamptz" },
    ], comments);
    const evidence = claims.filter(() => random.chance(0.2)).map((claim) => ({ claimId: claim.id, authorId: random.pick(people), ...random.pick(evidenceItems) }));
    await insertRows(client, "evidence", [
      { name: "claimId", column: "claim_id", type: "uuid" },
      { name: "authorId", column: "author_id", type: "uuid" },
      { name: "title", column: "title", type: "text" },
      { name: "note", column: "note", type: "text" },
      { name: "stance", column: "stance", type: "text", cast: '"EvidenceStance"' },
    ], evidence);
    const verdicts = claims.filter((claim) => claim.status === "CHECKED").map((claim) => ({ claimId: claim.id, rating: random.pick(ratings), at: claim.createdAt }));
    await insertRows(client, "verdicts", [
      { name: "claimId", column: "claim_id", type: "uuid" },
      { name: "rating", column: "rating", type: "text" },
      { name: "rating", column: "summary", type: "text" },
      { name: "at", column: "first_published_at", type: "timestamptz" },
      { name: "at", column: "last_published_at", type: "timestamptz" },
    ], verdicts);
    await client.query("ANALYZE claims, comments, evidence, verdicts, claim_tags");
    return {
      teamId: team.id,
      documentIds: documents.map((document) => document.id),
      claims: claims.length,
      comments: comments.length,
      evidence: evidence.length,
      verdicts: verdicts.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await client.end();
  }
}
