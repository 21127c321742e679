/** The downloadable JSON views of the corpus (`/data/*.json`), built from the collections. */
import { areaUrl, paperUrl, digestUrl, topicUrl } from './links';
import type { Site } from './site-data';

/** `papers.json`: every paper with its listings, topic, terms and related papers. */
export function papersJson(site: Site) {
  return site.papers.map((p) => ({
    id: p.id,
    slug: p.data.slug,
    url: paperUrl(p.data.slug),
    title: p.data.title,
    abstract: p.data.abstract,
    digests: p.data.appearances.map((a) => ({ id: a.digest, position: a.position })),
    topic: p.data.topic,
    terms: p.data.terms.map((t) => t.term),
    related: p.data.related.map((r) => r.id),
  }));
}

/** `digests.json`: every digest with its date label and papers in listing order. */
export function digestsJson(site: Site) {
  return site.digests.map((d) => ({
    id: d.id,
    file: d.data.file,
    date: d.data.date,
    name: d.data.name,
    url: digestUrl(d.id),
    papers: d.data.papers,
    newPapers: d.data.newPapers,
  }));
}

/** `topics.json`: every topic with label, terms, papers and its term map. */
export function topicsJson(site: Site) {
  return site.topics.map((t) => ({
    id: t.id,
    slug: t.data.slug,
    label: t.data.label,
    url: topicUrl(t.data.slug),
    area: site.areaOfTopic.get(t.id)?.id ?? null,
    terms: t.data.terms,
    papers: t.data.papers,
    nearest: t.data.nearest,
    map: t.data.map,
  }));
}

/** `areas.json`: every area (a group of topics), largest first, with its topics' ids, top terms, central papers and term map. */
export function areasJson(site: Site) {
  return site.areas.map((a) => ({
    id: a.id,
    slug: a.slug,
    label: a.label,
    url: areaUrl(a.slug),
    topics: a.topics,
    papers: a.size,
    terms: a.terms,
    central: a.central,
    nearest: a.nearest,
    map: a.map,
  }));
}

/** A JSON response with stable formatting. */
export function jsonResponse(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
