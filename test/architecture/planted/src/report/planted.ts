export const reportName = 'report';
