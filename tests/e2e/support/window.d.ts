import type { Api } from '../../../src/shared/contract';

declare global {
  interface Window {
    api: Api;
  }
}
