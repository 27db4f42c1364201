import data from './default-orsan-cyber.json' with { type: 'json' };
import { AlertChainTemplate } from './template.js';

/**
 * The default ORSAN Cyber alert chain (docs/alert-chain.md gives the sources and assumptions behind each
 * deadline). A scenario's `alertChain` replaces it. Parsed at load, so a bad edit of the JSON fails at start.
 */
export const defaultOrsanCyberChain: AlertChainTemplate = AlertChainTemplate.parse(data);
