// One marker per loaded seed world, even when two hubs load into one empty database at once.
CREATE CONSTRAINT seed_run_name IF NOT EXISTS FOR (s:SeedRun) REQUIRE s.name IS UNIQUE;
