// How the ARC actions' end state is read back: each routing control's state, through whichever cluster
// endpoint answers (ARC's data plane, like the actions themselves). Setting a control is a change a
// failback must undo; waiting for one only watches it.
import type { EndStateDeclaration } from '../../core/action';
import { controlSet, readStates } from './controls';

interface ControlParams {
  on: readonly string[];
  off: readonly string[];
}

export function routingControlsEndState(changes: boolean): EndStateDeclaration<ControlParams> {
  return {
    expect(params, ctx) {
      return controlSet(ctx, params).controls.map((control) => ({
        key: `routing-control:${control.arn}`,
        resource: control.name,
        label: `${control.name} (routing control)`,
        changes,
        value: control.want ?? 'On',
      }));
    },
    async read(ctx, params) {
      const set = controlSet(ctx, params);
      const answer = await readStates(ctx, set);
      return set.controls.map((control) => ({ key: `routing-control:${control.arn}`, value: answer.value.find((view) => view.arn === control.arn)?.state ?? 'unknown' }));
    },
  };
}
