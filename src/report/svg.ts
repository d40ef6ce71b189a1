// Small helpers for the inline SVG charts: a linear scale, readable tick steps, and escaped text.
import { formatDuration } from '../core/duration';
import { escapeXml } from './xml';

export const esc = escapeXml;

export interface Scale {
  (value: number): number;
  domain: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as Scale;
  scale.domain = domain;
  return scale;
}

const TIME_STEPS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 10e3, 15e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3, 21600e3, 43200e3, 86400e3];

/** Tick values every "round" duration, at most about `count` of them, covering the domain. */
export function timeTicks(domain: [number, number], count = 8): number[] {
  const [from, to] = domain;
  const span = Math.max(1, to - from);
  const step = TIME_STEPS_MS.find((candidate) => span / candidate <= count) ?? Math.ceil(span / count / 86400e3) * 86400e3;
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) ticks.push(tick);
  return ticks;
}

/** Tick values for a non-time axis (lag in ms is still a duration, so the same steps read well). */
export function valueTicks(max: number, count = 5): number[] {
  return timeTicks([0, Math.max(1, max)], count);
}

export function tickLabel(ms: number): string {
  return ms === 0 ? '0' : formatDuration(ms);
}

export function round(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}
