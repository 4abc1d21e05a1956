-- Issue 28: GET /api/v1/referrals/mine lists the contacts one person keyed in (submitted_by, their token's subject),
-- newest first (received_at desc, then id): without an index each page read the whole table. This one answers the
-- filter and the order, so a page is read from the index and the count from its prefix.
create index referral_submitted_by_idx on referral (submitted_by, received_at desc, id);
