/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(ts|tsx|js)$': '<rootDir>/tests/esbuild-transform.js' },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.js' },
  setupFiles: ['<rootDir>/tests/setup-fast-check.js'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60000,
};
