// The small value types of the world file, shared by the world and fault schemas.
import * as z from 'zod';
import { isDuration } from '../core/duration';
import { isRegion } from '../core/regions';
import { parseDurationRange } from './world-durations';

export const SimDuration = z.string().refine(isDuration, { message: 'is not a duration such as "90s", "5m" or "250ms"' });

export const SimDurationRange = z
  .string()
  .refine((text) => parseDurationRange(text) !== undefined, { message: 'is not a duration ("75s") or a range ("60s..90s")' });

export const SimRegion = z.string().refine(isRegion, { message: 'is not an AWS region such as us-east-1' });
