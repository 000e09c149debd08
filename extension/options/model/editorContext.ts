import { createContext, useContext } from 'react';
import type { FieldError } from '../../../shared';
import { type ModelPath, pathKey } from './paths';

export interface EditorContextValue {
  draft: unknown;
  /** Sets one value in the draft (saved locally at once). */
  setValue: (path: ModelPath, value: unknown) => void;
  /** Replaces the draft through a function of it (lists: add, remove, move). */
  change: (update: (draft: unknown) => unknown) => void;
  /** `validateModel` errors of the draft, by dotted path. */
  errors: ReadonlyMap<string, string[]>;
  readOnly: boolean;
  /** A field the editor was asked to show (from the problem list): the items around it open. */
  focusPath: string | null;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the model editor');
  return value;
}

export function errorsByPath(errors: readonly FieldError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const error of errors) map.set(error.path, [...(map.get(error.path) ?? []), error.message]);
  return map;
}

/** Messages at `path` exactly, or at and below it when `deep` (a condition, a list). */
export function errorsAt(errors: ReadonlyMap<string, string[]>, path: ModelPath, deep = false): FieldError[] {
  const key = pathKey(path);
  const found: FieldError[] = [];
  for (const [errorPath, messages] of errors) {
    if (errorPath === key || (deep && errorPath.startsWith(`${key}.`))) {
      for (const message of messages) found.push({ path: errorPath, message });
    }
  }
  return found;
}

/** The model's languages for admin-written text; English always first. */
export function draftLocales(draft: unknown): string[] {
  const locales = (draft as { locales?: unknown })?.locales;
  const list = Array.isArray(locales) ? locales.filter((l): l is string => typeof l === 'string') : [];
  return ['en', ...list.filter((l) => l !== 'en')];
}
