import type { OptionsCatalogue } from './en';
import { en } from './en';

export const it: OptionsCatalogue = { ...en };
