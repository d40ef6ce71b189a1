// Planted: the validator imports the action catalogue instead of receiving it.
import { actionNames } from '../actions/catalogue';

export const planted = actionNames;
