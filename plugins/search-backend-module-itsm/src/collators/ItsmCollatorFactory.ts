import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  ItsmApi,
  ItsmSearchDocument,
  ItsmSearchType,
} from '@openitsm/backstage-plugin-itsm-common';
import { Readable } from 'node:stream';
import { ItsmCollatorConfig } from './ItsmCollatorConfig';

/** What one kind of ITSM document is read from, and who may see it. */
export interface ItsmDocumentSource {
  type: ItsmSearchType;
  visibilityPermission: DocumentCollatorFactory['visibilityPermission'];
  documents(
    itsm: ItsmApi,
    config: ItsmCollatorConfig,
    now: Date,
  ): AsyncGenerator<ItsmSearchDocument>;
}

/**
 * Collates one type of ITSM record into search documents, read through the
 * ITSM API page by page.
 *
 * @internal
 */
export class ItsmCollatorFactory implements DocumentCollatorFactory {
  readonly type: string;
  readonly visibilityPermission: DocumentCollatorFactory['visibilityPermission'];

  constructor(
    private readonly source: ItsmDocumentSource,
    private readonly itsm: ItsmApi,
    private readonly config: ItsmCollatorConfig,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.type = source.type;
    this.visibilityPermission = source.visibilityPermission;
  }

  async getCollator(): Promise<Readable> {
    const documents: AsyncGenerator<IndexableDocument> = this.source.documents(
      this.itsm,
      this.config,
      this.clock(),
    );
    return Readable.from(documents);
  }
}
