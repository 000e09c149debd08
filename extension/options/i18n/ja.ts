import type { OptionsCatalogue } from './en';
import { en } from './en';

export const ja: OptionsCatalogue = { ...en };
