// a fresh in-memory IndexedDB for every test file (Node has none)
import 'fake-indexeddb/auto'
