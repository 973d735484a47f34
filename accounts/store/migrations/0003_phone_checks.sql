-- 一证通查 results: per phone number, how many accounts each company says
-- it holds, as the person copied them from the result SMS.
CREATE TABLE phone_checks (
    id         TEXT PRIMARY KEY,
    phone      TEXT NOT NULL,   -- digits only
    checked_at INTEGER NOT NULL,
    counts     TEXT NOT NULL    -- JSON object: company ID → count
);
CREATE INDEX phone_checks_phone ON phone_checks (phone, checked_at);
