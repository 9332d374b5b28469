/**
 * The index's warm-up word (SearchManifest.warm). A thread's first Pagefind
 * search of a word on thousands of pages runs its WebAssembly cold: compiled
 * function by function on first call, then in V8's baseline tier until it
 * is hot. At 10,000 articles that made the header box worker's first search
 * of 党 2–3 × slower than its second (loading the chunk, scoring, parsing the
 * results). So the worker searches this word once while the reader has
 * typed nothing: a word on many pages (the scoring loop gets hot), in the
 * smallest index chunk that has one (the fewest bytes for it).
 */
/** What the merge knows of one index chunk it wrote. */
export interface ChunkSummary {
  /** Its size before gzip. */
  bytes: number;
  /** Its word on the most pages, and their number. */
  word: string;
  pages: number;
}

/** A warm-up word is on at least this share of the pages (or is the index's most common word). */
export const WARM_SHARE = 0.2;

/** The file the merged bundle keeps its warm-up word in (not served: the manifest says it). */
export const WARM_WORD_FILE = '.warm-word';

/** The smallest chunk's word among those on enough pages (ties: the first word, so builds agree). */
export function chooseWarmWord(
  chunks: readonly ChunkSummary[],
  totalPages: number,
): string | undefined {
  const need = Math.min(totalPages * WARM_SHARE, Math.max(0, ...chunks.map((c) => c.pages)));
  if (need < 1) return undefined;
  let best: ChunkSummary | undefined;
  for (const c of chunks)
    if (
      c.pages >= need &&
      (!best || c.bytes < best.bytes || (c.bytes === best.bytes && c.word < best.word))
    )
      best = c;
  return best?.word;
}
