import { TextDecoder as NodeTextDecoder } from 'node:util';
import '@testing-library/jest-dom';

// jsdom has no TextDecoder; the browser (and the fake main, which decodes imported bytes) does.
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
