import { useMemo } from 'react';
import { Background, Controls, MarkerType, Position, ReactFlow, type AriaLabelConfig, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { AlertChainState } from '../../shared/alert-chain/state.js';
import type { NotificationsState } from '../../shared/notifications/state.js';
import { linkOutboundBadge } from '../notifications/view-model.js';
import { useT } from '../i18n/index.js';
import { layoutChain, linkColours, timerText, type LinkView } from './view-model.js';

interface Props {
  chain: AlertChainState;
  /** The outbox: each edge says in a word how its mails and SMS went. */
  notifications: NotificationsState;
  views: LinkView[];
  exerciseTime: number;
  /** Before DEBEX: deadlines are shown, nothing counts down. */
  beforeStart: boolean;
  /** Actor the board is filtered on; the rest of the graph is dimmed, not hidden, to keep its shape. */
  focus: (id: string) => boolean;
  myCell: string | undefined;
  selected: string | null;
  onSelect(linkId: string): void;
}

/** The chain as a left-to-right graph: actors as nodes, links as edges coloured by state, with their running timers. */
export function ChainGraph({ chain, notifications, views, exerciseTime, beforeStart, focus, myCell, selected, onSelect }: Props) {
  const { t } = useT();
  const positions = useMemo(() => layoutChain(chain), [chain]);
  // React Flow's own buttons and descriptions are in English; its `ariaLabelConfig` gives them the room's language.
  const ariaLabels = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'controls.ariaLabel': t('alertChain.graph.controls'),
      'controls.zoomIn.ariaLabel': t('alertChain.graph.zoomIn'),
      'controls.zoomOut.ariaLabel': t('alertChain.graph.zoomOut'),
      'controls.fitView.ariaLabel': t('alertChain.graph.fitView'),
      'controls.interactive.ariaLabel': t('alertChain.graph.lock'),
      'node.a11yDescription.default': t('alertChain.graph.node'),
      'node.a11yDescription.keyboardDisabled': t('alertChain.graph.node'),
      'edge.a11yDescription.default': t('alertChain.graph.edge'),
    }),
    [t],
  );

  const nodes: Node[] = chain.actors.map((actor) => {
    const involved = views.some((v) => focus(v.link.id) && (v.link.from === actor.id || v.link.to === actor.id));
    const mine = actor.kind === 'played' && actor.cell === myCell;
    return {
      id: actor.id,
      position: positions.get(actor.id) ?? { x: 0, y: 0 },
      data: { label: actor.label },
      className: `ac-node ac-node-${actor.kind}${mine ? ' ac-node-mine' : ''}`,
      style: { opacity: involved ? 1 : 0.3 },
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      draggable: false,
      connectable: false,
    };
  });

  const edges: Edge[] = views.map((view) => {
    const colour = linkColours[view.tone];
    const shown = focus(view.link.id);
    return {
      id: view.link.id,
      source: view.link.from,
      target: view.link.to,
      // A link still waiting for its trigger has no timer yet: no label keeps the graph readable.
      label: edgeLabel(
        view.phase.deadlineAt === null && view.phase.status !== 'accuse' && view.phase.waitingFor === null
          ? null
          : timerText(t, view.link, view.phase, exerciseTime, beforeStart, view.waitingForLabel),
        linkOutboundBadge(t, notifications, view.link.id),
      ),
      style: { stroke: colour, strokeWidth: view.link.id === selected ? 4 : 2, opacity: shown ? 1 : 0.15 },
      labelStyle: { fill: colour, fontWeight: 600, fontSize: 11 },
      labelBgStyle: { fill: '#fff', fillOpacity: shown ? 0.9 : 0.2 },
      markerEnd: { type: MarkerType.ArrowClosed, color: colour },
      animated: view.tone === 'late',
      className: `ac-edge ac-tone-${view.tone}`,
    };
  });

  return (
    <div className="ac-graph" data-testid="alert-chain-graph">
      <ReactFlow nodes={nodes} edges={edges} onEdgeClick={(_event, edge) => onSelect(edge.id)} nodesConnectable={false} nodesDraggable={false} fitView minZoom={0.3} ariaLabelConfig={ariaLabels}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

const edgeLabel = (...parts: Array<string | null>): string | undefined => parts.filter((p) => p !== null).join(' · ') || undefined;
