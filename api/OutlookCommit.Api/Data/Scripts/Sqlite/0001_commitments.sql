-- The commitment ledger. Ids: lowercase Guid text. Times: UTC ISO 8601 text (yyyy-MM-ddTHH:mm:ss.fffZ).
CREATE TABLE commitments (
    id                TEXT NOT NULL PRIMARY KEY,
    tenant_id         TEXT NOT NULL,
    user_id           TEXT NOT NULL,
    what              TEXT NOT NULL,
    who_json          TEXT NOT NULL,
    due_utc           TEXT NULL,
    subject           TEXT NULL,
    next_step         TEXT NULL,
    source_message_id TEXT NULL,
    conversation_id   TEXT NULL,
    sent_utc          TEXT NOT NULL,
    status            TEXT NOT NULL,
    created_utc       TEXT NOT NULL,
    updated_utc       TEXT NOT NULL,
    done_utc          TEXT NULL
);

CREATE INDEX ix_commitments_owner ON commitments (tenant_id, user_id, status, due_utc);
