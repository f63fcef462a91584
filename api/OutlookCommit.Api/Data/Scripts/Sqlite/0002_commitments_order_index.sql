-- Lists are read in due order (undated last) per owner, with or without a status. These indexes match that
-- order exactly, so a rep with years of commitments gets the first page without sorting the whole ledger.
CREATE INDEX ix_commitments_owner_order ON commitments (tenant_id, user_id, due_utc IS NULL, due_utc, id);
CREATE INDEX ix_commitments_owner_status_order ON commitments (tenant_id, user_id, status, due_utc IS NULL, due_utc, id);
DROP INDEX ix_commitments_owner;
