import * as z from 'zod';

/** An empty or blank setting counts as unset. */
export const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A text setting, trimmed; blank is unset. */
export const optionalSetting = z.preprocess(blankAsUndefined, z.string().trim().optional());
