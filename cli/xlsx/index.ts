export { readXlsxValues, readXlsxAll } from './read';
export { writeXlsx } from './write';
