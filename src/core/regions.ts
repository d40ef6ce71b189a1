// AWS region names. A name is accepted when it has the shape of a region, so that regions launched after
// this release still validate; the known list feeds "did you mean" for typos such as "us-east1".
export const KNOWN_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
  'sa-east-1', 'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
] as const;

const REGION_SHAPE =
  /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2}$/;

export function isRegion(text: string): boolean {
  return REGION_SHAPE.test(text);
}

/** us-east-1 -> use1, ap-southeast-2 -> apse2, eu-central-1 -> euc1 (the usual AWS short forms). */
export function regionShortName(region: string): string {
  const match = /^([a-z]+(?:-gov)?)-([a-z]+)-(\d+)$/.exec(region);
  if (!match) return region;
  const [, area = '', direction = '', number = ''] = match;
  const compass = direction.replace('north', 'n').replace('south', 's').replace('east', 'e').replace('west', 'w').replace('central', 'c');
  return `${area.replace('-', '')}${compass}${number}`;
}

export function regionFromArn(arn: string): string | undefined {
  // arn:partition:service:region:account:resource
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' ? parts[3] || undefined : undefined;
}
