// Approvals and --step confirmations answered inside the live view: the operator promise the engine
// awaits settles from key presses.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { lines, renderView } from './harness';
import { RUNNING, stamp } from './scenario';

afterEach(() => cleanup());

const untilApproval = stamp(RUNNING.slice(0, 5));
const request = { stepId: 'approve', message: 'Fail the shop over from us-east-1 to us-west-2 (planned)?', confirmText: 'us-west-2' };
const stepQuestion = { stepId: 'orders', uses: 'aurora.switchover', summary: 'switch over shop-orders us-east-1 -> us-west-2', phase: 'main' as const };

async function typeText(view: ReturnType<typeof renderView>, text: string): Promise<string> {
  let frame = '';
  for (const char of text) frame = await view.press(char);
  return frame;
}

describe('approval prompts in the view', () => {
  it('asks to type the target region; Enter with the right text approves', async () => {
    const view = renderView();
    view.clock.set(4);
    await view.feed(untilApproval);
    const answer = view.operator.approve(request, new AbortController().signal);
    const asked = lines(await view.frame());
    expect(asked.slice(-5)).toEqual([
      '',
      '? approve: Fail the shop over from us-east-1 to us-west-2 (planned)?',
      '  type us-west-2 and press Enter to approve · Esc to deny',
      '  > █',
      'Ctrl-C stop after calls in flight · Ctrl-C again to force',
    ]);
    expect(asked).toContain('  ? approve   waiting for your answer                                       3.0s');
    expect(lines(await typeText(view, 'us-west-2'))).toContain('  > us-west-2█');
    await view.press('\r');
    await expect(answer).resolves.toEqual({ approved: true, by: 'alice' });
    expect(await view.frame()).not.toContain('type us-west-2');
  });

  it('refuses Enter on the wrong text and says why; Backspace corrects', async () => {
    const view = renderView();
    await view.feed(untilApproval);
    const answer = view.operator.approve(request, new AbortController().signal);
    await typeText(view, 'us-east-1');
    expect(lines(await view.press('\r'))).toContain('  type us-west-2 exactly to approve, or press Esc to deny');
    for (let i = 0; i < 9; i++) await view.press('\u007f');
    await typeText(view, 'us-west-2');
    await view.press('\r');
    await expect(answer).resolves.toMatchObject({ approved: true });
  });

  it('denies on Esc, and on n before anything was typed', async () => {
    const view = renderView();
    await view.feed(untilApproval);
    const first = view.operator.approve(request, new AbortController().signal);
    await view.press('\u001b');
    await expect(first).resolves.toEqual({ approved: false, by: 'alice', reason: 'denied' });
    const second = view.operator.approve(request, new AbortController().signal);
    await view.press('n');
    await expect(second).resolves.toMatchObject({ approved: false });
  });

  it('approves a plain approval with y, and shows queued questions one at a time', async () => {
    const view = renderView();
    await view.feed(untilApproval);
    const first = view.operator.approve({ stepId: 'approve', message: 'Go?' }, new AbortController().signal);
    const second = view.operator.approve({ stepId: 'approve-2', message: 'Really?' }, new AbortController().signal);
    const frame = lines(await view.frame());
    expect(frame).toContain('  y/Enter approve · n/Esc deny');
    expect(frame).toContain('  (1 more question waiting)');
    await view.press('y');
    await expect(first).resolves.toMatchObject({ approved: true });
    expect(lines(await view.frame())).toContain('? approve-2: Really?');
    await view.press('y');
    await expect(second).resolves.toMatchObject({ approved: true });
  });

  it('takes the prompt away and rejects when the engine stops waiting (timeout, Ctrl-C)', async () => {
    const view = renderView();
    await view.feed(untilApproval);
    const stop = new AbortController();
    const answer = view.operator.approve(request, stop.signal);
    expect(await view.frame()).toContain('type us-west-2');
    stop.abort(new Error('approval timed out'));
    await expect(answer).rejects.toThrow('approval timed out');
    expect(await view.frame()).not.toContain('type us-west-2');
  });
});

describe('--step prompts in the view', () => {
  it.each([
    ['y', 'run'],
    ['s', 'skip'],
    ['a', 'continue'],
    ['q', 'quit'],
  ])('%s answers %s', async (key, decision) => {
    const view = renderView();
    await view.feed(untilApproval);
    const answer = view.operator.confirmStep(stepQuestion, new AbortController().signal);
    const frame = lines(await view.frame());
    expect(frame).toContain('? run step orders (aurora.switchover): switch over shop-orders us-east-1 ->');
    expect(frame).toContain('  us-west-2?');
    expect(frame).toContain('  y run · s skip · a run all remaining · q abort');
    await view.press('x'); // not an answer: still asking
    await view.press(key);
    await expect(answer).resolves.toBe(decision);
  });
});
