// Real Dexie under Node: IndexedDB comes from fake-indexeddb, an in-memory implementation of the spec.
import 'fake-indexeddb/auto';
