import { dirname, resolve } from 'node:path';
import { InputError } from '../config/load';
import { landingZoneGraph, type LandingZoneGraph } from '../model/graph';
import type { LandingZoneModel } from '../model/types';
import { dependencyWaves } from '../model/waves';
import { synthesizeForDiff } from './diff-sources';
import { renderHtml } from './graph-html';
import { GRAPH_VIEWS, renderDot, renderMermaid, type GraphView } from './graph-text';

export type GraphFormat = 'html' | 'mermaid' | 'dot';

export function parseGraphOptions(format: string, view: string | undefined): { format: GraphFormat; views: GraphView[] } {
  if (format !== 'html' && format !== 'mermaid' && format !== 'dot') throw new InputError(`--format must be html, mermaid or dot, not "${format}"`);
  if (view === undefined) return { format, views: [...GRAPH_VIEWS] };
  if (format === 'html') throw new InputError('--view applies to mermaid and dot; the html page always has every view');
  if (!(GRAPH_VIEWS as readonly string[]).includes(view)) throw new InputError(`--view must be one of ${GRAPH_VIEWS.join(', ')}, not "${view}"`);
  return { format, views: [view as GraphView] };
}

/** The graph of a model: the waves come from a synthesis into a scratch directory, as in `lz plan-order`. */
export function graphOf(model: LandingZoneModel, file: string, outdir: string): LandingZoneGraph {
  const app = synthesizeForDiff(model, dirname(resolve(file)), resolve(outdir));
  const dependencies = Object.fromEntries(Object.entries(app).map(([name, s]) => [name, [...s.dependencies]]));
  return landingZoneGraph(model, dependencyWaves(dependencies), dependencies);
}

export function renderGraph(graph: LandingZoneGraph, format: GraphFormat, views: readonly GraphView[], title: string): string {
  if (format === 'html') return renderHtml(graph, title);
  return format === 'mermaid' ? renderMermaid(graph, views) : renderDot(graph, views);
}
