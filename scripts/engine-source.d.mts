/** The engine's sources with Mahdar's changes (scripts/engine-source.mjs). */
export interface SourceEdit {
  why: string;
  file: string;
  within?: string;
  find: string;
  replace: string;
  count: number;
}
export const vendoredSource: string;
export const engineSource: string;
export const ENGINE_SOURCE_EDITS: SourceEdit[];
export function applySourceEdits(text: string, edits: SourceEdit[]): string;
export function engineSourceId(): string;
export function prepareEngineSource(): string;
