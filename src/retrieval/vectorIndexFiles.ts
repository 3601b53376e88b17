import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Index, MetricKind, ScalarKind } from 'usearch';
import { z } from 'zod';

/**
 * HNSW settings (USearch): 16 links per node and beams of 128 when building and searching. At 10k
 * passages the bench's recall@10 against exact search was 0.964 with a build beam of 64 and 0.973 with
 * 128 (search beam 128 both times), and 0.948 with beams of 64 and 64; the figures at 100k and the
 * comparison with other indexes are in docs/design.md, "Vector index". Half-precision storage halves
 * memory against float32 (3 KB a passage at 1,536 dimensions); int8 lost too much recall (0.82).
 */
export const indexSettings = {
  metric: MetricKind.IP,
  quantization: ScalarKind.F16,
  connectivity: 16,
  expansionAdd: 128,
  expansionSearch: 128,
} as const;

/** Bumped when the files' layout or the index settings change, so an old index is rebuilt, not misread. */
const formatVersion = 1;

const manifestSchema = z.object({
  formatVersion: z.literal(formatVersion),
  model: z.string(),
  dimensions: z.number().int().positive(),
  fingerprint: z.string(),
  /** SHA-256 of the index file: USearch reads a truncated or altered file without checking, and can crash. */
  checksum: z.string(),
  rowids: z.array(z.number().int()),
  textHashes: z.array(z.string()),
});

/** The two files of a database's vector index, beside the database file. */
export interface VectorIndexPaths {
  index: string;
  manifest: string;
}

/** The index files for the database at `databasePath`: `<database>.vectors.usearch` and `.vectors.json`. */
export function vectorIndexPathsFor(databasePath: string): VectorIndexPaths {
  return { index: `${databasePath}.vectors.usearch`, manifest: `${databasePath}.vectors.json` };
}

/** An index in memory with what it holds: each key (a passage rowid) with the text hash it was built from. */
export interface LoadedVectorIndex {
  index: Index;
  dimensions: number;
  entries: Map<number, string>;
  /** `readEmbeddingFingerprint` when the index was last brought in step; '' for a new index. */
  fingerprint: string;
}

/** A new, empty index for vectors of `dimensions`. */
export function createEmptyVectorIndex(dimensions: number): LoadedVectorIndex {
  const index = new Index({
    dimensions,
    metric: indexSettings.metric,
    quantization: indexSettings.quantization,
    connectivity: indexSettings.connectivity,
    expansion_add: indexSettings.expansionAdd,
    expansion_search: indexSettings.expansionSearch,
    multi: false,
  });
  return { index, dimensions, entries: new Map(), fingerprint: '' };
}

function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Reads a saved index when its manifest is valid, names `model`, and the index file's checksum matches.
 *
 * @returns the index, or the reason it cannot be used (missing, damaged, another model or layout).
 */
export function loadVectorIndex(
  paths: VectorIndexPaths,
  model: string,
): LoadedVectorIndex | { problem: string } {
  let manifest: z.infer<typeof manifestSchema>;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(paths.manifest, 'utf8')));
    if (!parsed.success) return { problem: 'its manifest is not one this version wrote' };
    manifest = parsed.data;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'there is none yet' : 'its manifest cannot be read' };
  }
  if (manifest.model !== model) return { problem: `it holds vectors of another model (${manifest.model})` };
  if (manifest.rowids.length !== manifest.textHashes.length)
    return { problem: 'its manifest is inconsistent' };
  try {
    if (hashFile(paths.index) !== manifest.checksum) return { problem: 'the index file is damaged' };
  } catch {
    return { problem: 'the index file is missing' };
  }
  const loaded = createEmptyVectorIndex(manifest.dimensions);
  try {
    loaded.index.load(paths.index);
  } catch {
    return { problem: 'the index file cannot be read' };
  }
  if (loaded.index.size() !== manifest.rowids.length)
    return { problem: 'the index and its manifest disagree' };
  for (const [position, rowid] of manifest.rowids.entries()) {
    loaded.entries.set(rowid, manifest.textHashes[position] as string);
  }
  loaded.fingerprint = manifest.fingerprint;
  return loaded;
}

/**
 * Writes the index and then its manifest, each to a temporary file renamed into place, so a crash
 * midway leaves a manifest whose checksum does not match and the next start rebuilds.
 *
 * @throws Error from the file system (full disk, no permission); the files already there stay as they were.
 */
export function saveVectorIndex(paths: VectorIndexPaths, model: string, loaded: LoadedVectorIndex): void {
  // Named for this process, so a bot and an ingest saving at once never write into one file; the
  // last pair renamed wins, and a mixed pair fails its checksum and is rebuilt.
  const suffix = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const indexTemporary = `${paths.index}${suffix}`;
  const manifestTemporary = `${paths.manifest}${suffix}`;
  try {
    loaded.index.save(indexTemporary);
    const manifest: z.infer<typeof manifestSchema> = {
      formatVersion,
      model,
      dimensions: loaded.dimensions,
      fingerprint: loaded.fingerprint,
      checksum: hashFile(indexTemporary),
      rowids: [...loaded.entries.keys()],
      textHashes: [...loaded.entries.values()],
    };
    writeFileSync(manifestTemporary, JSON.stringify(manifest));
    renameSync(indexTemporary, paths.index);
    renameSync(manifestTemporary, paths.manifest);
  } finally {
    rmSync(indexTemporary, { force: true });
    rmSync(manifestTemporary, { force: true });
  }
}
