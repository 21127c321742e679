/** Moved to src/typography/ (this re-export goes once the importers use the new path). */
export { plainText, renderText, type RenderTextOptions } from '../typography';
