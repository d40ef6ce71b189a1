// Fields that several services' resource types share, and the marker that gives a zod issue a drctl code.
import * as z from 'zod';
import type { ErrorCode } from '../errors';
import { isRegion } from '../regions';

/** Marks a zod issue with a stable drctl code, read back by the loader. */
export const codeParam = (drctlCode: ErrorCode) => ({ params: { drctlCode } });

export const Region = z
  .string()
  .refine(isRegion, { message: 'is not an AWS region', ...codeParam('runbook.bad-region') })
  .meta({ description: 'An AWS region such as us-east-1.' });

export const regionsHint = z
  .array(Region)
  .min(1)
  .optional()
  .meta({ description: 'Regions where members live; drctl asks these regions first and needs no other.' });
