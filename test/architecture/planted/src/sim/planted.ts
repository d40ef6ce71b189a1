// Planted: the simulator imports the SDK and ink.
import { RDSClient } from '@aws-sdk/client-rds';
import { render } from 'ink';

export const planted = [RDSClient, render];
