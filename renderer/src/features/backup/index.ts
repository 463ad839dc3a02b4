export { BackupSettings } from './BackupSettings';
export { exportBackup, backupFileName, type ExportedBackup } from './export-backup';
export { readBackupFile, readBackupText, type BackupProgress, type ReadBackupResult } from './read-backup';
export { importBackup, assessBackupImport, readProfileFacts, ImportRefusedError, type ImportResult } from './import-backup';
export { downloadBlob } from './download';
