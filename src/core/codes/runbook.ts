// Codes of runbook problems (`drctl validate` finds them all at once, each with file:line:col) and of the
// inputs passed with --input.
import { errorCodes } from './define';

export const runbookCodes = errorCodes({
  'runbook.not-found': { meaning: 'The runbook file does not exist.', action: 'Check the path; `drctl validate runbooks/` checks every runbook in a directory.' },
  'runbook.unreadable': { meaning: 'The runbook file exists but cannot be read (permissions, or an I/O error).', action: 'Check the file permissions and the path.' },
  'runbook.not-a-file': { meaning: 'The path is a device, a named pipe (FIFO) or a socket, not a file: drctl never reads one (it could hang).', action: 'Pass the runbook file itself.' },
  'runbook.is-directory': { meaning: 'A directory was given where a runbook file was expected.', action: 'Pass a runbook file; `drctl validate <dir>` checks a whole directory.' },
  'runbook.too-large': { meaning: 'The file is larger than 1 MB, far larger than any runbook.', action: 'Check that this is the runbook you meant; split very large runbooks.' },
  'runbook.not-text': { meaning: 'The file is binary or not UTF-8, so it cannot be a YAML runbook.', action: 'Check the path; a runbook is a UTF-8 YAML file.' },
  'runbook.empty': { meaning: 'The file is empty, or holds only comments.', action: 'Start from `drctl schema` or a runbook in runbooks/.' },
  'runbook.yaml-syntax': { meaning: 'The file is not valid YAML.', action: 'Fix the YAML at the line and column shown (indentation, quotes, colons).' },
  'runbook.duplicate-key': { meaning: 'A mapping in the runbook has the same key twice; YAML would silently keep only one.', action: 'Remove or rename one of the two keys.' },
  'runbook.bad-alias': { meaning: 'A YAML alias (*name) refers to an anchor (&name) that is not defined before it.', action: 'Define the anchor before the alias, or write the value out.' },
  'runbook.not-a-mapping': { meaning: 'The document is a list or a single value, not a runbook.', action: 'A runbook is a mapping that starts with `apiVersion: drctl/v1` and `kind: Runbook`.' },
  'runbook.bad-api-version': { meaning: 'apiVersion is not one this drctl reads.', action: 'Set `apiVersion: drctl/v1`.' },
  'runbook.bad-kind': { meaning: 'kind is not Runbook.', action: 'Set `kind: Runbook`.' },
  'runbook.unknown-key': { meaning: 'A key the runbook format does not know: usually a typo, since unknown keys are never ignored.', action: 'Use the suggested key, or remove it; `drctl schema` lists every key.' },
  'runbook.missing-key': { meaning: 'A required key is missing.', action: 'Add the key named in the message.' },
  'runbook.wrong-type': { meaning: 'A value has the wrong type (a string where a list is expected, and so on).', action: 'Write a value of the type named in the message.' },
  'runbook.bad-value': { meaning: 'A value is not one of the values allowed there.', action: 'Use one of the values listed in the hint.' },
  'runbook.bad-duration': { meaning: 'A duration is not written the way drctl reads durations.', action: 'Write durations like "90s", "5m", "1m30s" or "250ms".' },
  'runbook.bad-region': { meaning: 'A value that must be an AWS region is not one.', action: 'Use a region name such as us-east-1 or eu-west-2.' },
  'runbook.bad-format': { meaning: 'A name does not have the allowed form.', action: 'Names start with a letter and hold only letters, digits, "-" and "_".' },
  'runbook.out-of-range': { meaning: 'A number is outside its allowed range.', action: 'Adjust the value to the range named in the message.' },
  'runbook.invalid': { meaning: 'The runbook does not match the format in a way no more specific code describes.', action: 'Check the place shown against `drctl schema`.' },
  'runbook.arc-endpoints-missing': { meaning: "An arc-cluster resource declares no endpoints: a failover reaches ARC's routing controls through the cluster's regional endpoints only, never its control plane.", action: 'Fill them in once, ahead of time: `drctl arc describe <clusterArn> --write <runbook>` (the hint gives the exact command).' },
  'runbook.unknown-resource-type': { meaning: 'A resource has no type, or a type drctl does not know.', action: 'Use one of the resource types listed in the hint.' },
  'runbook.default-not-in-enum': { meaning: "An input's default is not one of its enum values.", action: 'Make the default one of the enum values, or add it to the enum.' },
  'runbook.duplicate-step-id': { meaning: 'Two steps (rollback steps included) have the same id.', action: 'Give every step its own id.' },
  'runbook.unknown-need': { meaning: 'A step needs a step id that does not exist.', action: 'Fix the id in `needs:` (the hint suggests the closest).' },
  'runbook.dependency-cycle': { meaning: 'Steps depend on each other in a cycle, so none of them could start.', action: 'Remove one of the `needs` in the cycle shown.' },
  'runbook.unknown-action': { meaning: 'A step `uses:` an action drctl does not have.', action: 'Use one of the actions in the hint; `drctl schema` lists them all.' },
  'runbook.unknown-check': { meaning: 'A preflight `check:` names a check drctl does not have.', action: 'Use one of the checks in the hint.' },
  'runbook.wrong-resource-type': { meaning: 'A step or check points at a resource of a type it cannot act on.', action: 'Point it at a resource of the type named, or use the action that fits this resource.' },
  'runbook.bad-expression': { meaning: 'A ${{ }} expression cannot be parsed.', action: 'Write expressions like ${{ inputs.to }} or ${{ steps.id.outputs.name }}.' },
  'runbook.unknown-reference': { meaning: 'An expression reads something other than inputs, steps or resources.', action: 'Start the reference with inputs., steps. or resources.' },
  'runbook.unknown-input': { meaning: 'An expression reads an input the runbook does not declare.', action: 'Declare it under spec.inputs, or fix the name.' },
  'runbook.unknown-resource': { meaning: 'An expression or step names a resource the runbook does not declare.', action: 'Declare it under spec.resources, or fix the name.' },
  'runbook.unknown-field': { meaning: 'An expression reads a field a resource does not have.', action: 'Use one of the fields in the hint.' },
  'runbook.unknown-step': { meaning: 'An expression reads a step that does not exist.', action: 'Fix the step id.' },
  'runbook.unknown-rto-step': { meaning: 'objectives.rtoEndsAt names no step of the runbook.', action: 'Name the step whose success means the application is back (the hint suggests the closest id).' },
  'runbook.step-not-upstream': { meaning: "An expression reads a step's result, but its step does not depend on that step, so the result may not exist yet.", action: "Add the step to this step's `needs`." },
  'runbook.unknown-output': { meaning: 'An expression reads an output the step does not have.', action: 'Use one of the outputs in the hint.' },
});

export const inputCodes = errorCodes({
  'input.bad-flag': { meaning: 'An --input is not written as name=value.', action: 'Pass inputs as --input to=us-west-2.' },
  'input.unknown': { meaning: 'An --input names an input the runbook does not declare.', action: 'Use one of the inputs in the hint.' },
  'input.missing': { meaning: 'A required input (one without a default) was not given.', action: 'Pass it with --input name=value.' },
  'input.not-allowed': { meaning: "An input's value is not one of its enum values.", action: 'Use one of the values in the hint.' },
  'input.wrong-type': { meaning: "An input's value does not have the input's type (number, boolean).", action: 'Pass a value of the type named in the message.' },
  'input.same-region': { meaning: 'Inputs "from" and "to" name the same region: there is nothing to move (often "from" left at its default).', action: 'Name the region to leave and the one to move to, e.g. --input from=us-east-1 --input to=us-west-2.' },
  'input.bad-region': { meaning: 'An input of type region is not an AWS region.', action: 'Use a region name such as us-west-2.' },
});

export const validateCodes = errorCodes({
  'validate.no-match': { meaning: 'A glob given to `drctl validate` matches no file.', action: 'Check the pattern; quote it so the shell does not expand it first.' },
  'validate.no-runbooks': { meaning: 'A directory given to `drctl validate` holds no *.yaml or *.yml file.', action: 'Pass the directory that holds your runbooks, or the files themselves.' },
});
