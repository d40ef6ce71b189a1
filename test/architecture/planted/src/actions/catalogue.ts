export const actionNames = ['wait'];
