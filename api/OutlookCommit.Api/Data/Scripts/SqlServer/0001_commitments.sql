-- The commitment ledger. Ids: lowercase Guid text. Times: UTC ISO 8601 text (yyyy-MM-ddTHH:mm:ss.fffZ).
CREATE TABLE dbo.commitments (
    id                NVARCHAR(36)   NOT NULL CONSTRAINT pk_commitments PRIMARY KEY,
    tenant_id         NVARCHAR(64)   NOT NULL,
    user_id           NVARCHAR(64)   NOT NULL,
    what              NVARCHAR(2000) NOT NULL,
    who_json          NVARCHAR(MAX)  NOT NULL,
    due_utc           NVARCHAR(24)    NULL,
    subject           NVARCHAR(1000) NULL,
    next_step         NVARCHAR(32)    NULL,
    source_message_id NVARCHAR(512)  NULL,
    conversation_id   NVARCHAR(512)  NULL,
    sent_utc          NVARCHAR(24)    NOT NULL,
    status            NVARCHAR(16)    NOT NULL,
    created_utc       NVARCHAR(24)    NOT NULL,
    updated_utc       NVARCHAR(24)    NOT NULL,
    done_utc          NVARCHAR(24)    NULL
);

CREATE INDEX ix_commitments_owner ON dbo.commitments (tenant_id, user_id, status, due_utc);
