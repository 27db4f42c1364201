import type { Router } from 'express';
import type { Server as HttpServer } from 'node:http';
import type { Server as SocketServer } from 'socket.io';
import type { Config } from './config.js';
import type { AccessService } from './access/access-service.js';
import type { Leadership } from './cluster/leadership.js';
import type { DocRelay } from './cluster/yjs-relay.js';
import type { DocRegistry } from './collab/doc-registry.js';
import type { Logger } from './ops/logger.js';
import type { Metrics } from './ops/metrics.js';
import type { RoomRuntime } from './rooms/room-runtime.js';
import type { RoomService } from './rooms/room-service.js';
import type { RoomSetupStep } from './rooms/room-setup.js';
import type { Store } from './store/types.js';
import type { DocPolicyFactory } from './collab/doc-policy.js';

/**
 * What the core of the server hands to the features: its services, never the server object itself (so no
 * feature imports `app.ts`). Each feature's routes and automations take the part they need
 * (`Pick<FeatureContext, 'rooms' | 'access'>`…), which is also what their tests build.
 */
export interface FeatureContext {
  config: Config;
  http: HttpServer;
  io: SocketServer;
  store: Store;
  rooms: RoomService;
  access: AccessService;
  logger: Logger;
  metrics: Metrics;
  /** Whether this instance drives room automations (always, on a single instance); see `server/cluster/`. */
  leadership: Leadership;
  /** Several instances: carries Yjs document traffic between them (`server/cluster/yjs-relay.ts`). */
  docRelay?: DocRelay;
  /** The rooms' collaborative documents (main courante, comms drafts, notes, RETEX plan). */
  docs: DocRegistry;
  operatorToken: string;
  /** Base URL for links, known once listening. */
  url: () => string;
  /** Runs `cleanup` when the server closes, before the store closes (latest registered first). */
  onClose(cleanup: () => void | Promise<void>): void;
}

/** A clock-driven automation of a live room (scheduler, deadlines…): it runs on the leader instance only. */
export type RoomAutomation = (runtime: RoomRuntime, ctx: FeatureContext) => void | (() => void);

/**
 * What a domain folder of `server/` plugs into the server: a step of room creation, REST routes (under
 * `/api`), automations on the room clock. One object per folder, in its `feature.ts`; `server/features.ts`
 * lists them and `app.ts` loops over the list.
 */
export interface ServerFeature {
  id: string;
  /** Runs at room creation, in the order of the feature list (the exercise's scenario first). */
  setup?: RoomSetupStep;
  routes?: (ctx: FeatureContext) => Router;
  /** Pages for people outside the room (served at the root, not under `/api`): e.g. `/ack/<token>`. */
  pages?: (ctx: FeatureContext) => Router;
  automations?: readonly RoomAutomation[];
  /** Checks the configuration before the server starts (a file it names must be readable and valid): throws to refuse the start. */
  checkConfig?: (config: Config) => Promise<void>;
  /** The policies of the feature's Yjs document kinds (declared in `shared/<feature>/doc-kind.ts`), by kind. */
  docPolicies?: Readonly<Record<string, DocPolicyFactory>>;
}

export const defineServerFeature = (feature: ServerFeature): ServerFeature => feature;
