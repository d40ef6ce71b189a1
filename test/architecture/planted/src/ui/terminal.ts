export const terminalWidth = 80;
