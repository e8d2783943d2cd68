package io.crosstrace.seed;

/**
 * The size and random seed of a generated world. Everything in a world follows from its spec: the same
 * spec always gives the same world, down to the serial of every unit code.
 *
 * <p>The cast (producers, their premises and products, the other parties and the ports) is fixed, so
 * {@code producers}, {@code premises} and {@code products} must be those of {@link #demo()}; the flows
 * (batches, shipments, consignments, unit codes) scale.
 */
public record WorldSpec(long randomSeed, int producers, int premises, int products, int batches, int shipments,
                        int consignments, long unitCodes) {

    public static final long DEMO_SEED = 20_260_615L;
    public static final String DEMO_NAME = "demo-world";

    static final int CAST_PRODUCERS = 3;
    static final int CAST_PREMISES = 5;
    static final int CAST_PRODUCTS = 6;

    private static final int DEMO_BATCHES = 30;
    private static final long CODES_PER_BATCH_AT_SCALE = 10_000;

    public WorldSpec {
        require(producers == CAST_PRODUCERS && premises == CAST_PREMISES && products == CAST_PRODUCTS,
                "the cast is fixed: " + CAST_PRODUCERS + " producers, " + CAST_PREMISES + " premises, "
                        + CAST_PRODUCTS + " products");
        require(batches >= 2, "a world has at least 2 batches");
        require(shipments >= 1, "a world has at least 1 shipment");
        int shipped = batches - unshippedBatches(batches, shipments);
        require(shipments <= shipped, "every shipment carries a batch and a few batches stay unshipped: at most "
                + (batches - 1) + " shipments for " + batches + " batches");
        require(consignments >= shipments && consignments <= shipped,
                "every shipment is declared by at least one consignment and every consignment declares a batch: "
                        + "consignments must be between " + shipments + " and " + shipped);
        require(unitCodes >= batches, "every batch gets at least one unit code: at least " + batches + " codes");
    }

    /** The demo world the hub loads into an empty database: small enough to read, rich enough to show. */
    public static WorldSpec demo() {
        return new WorldSpec(DEMO_SEED, CAST_PRODUCERS, CAST_PREMISES, CAST_PRODUCTS, DEMO_BATCHES, 10, 12, 6_000);
    }

    /** A world with {@code n} unit codes, about 10,000 per batch, with the demo seed. */
    public static WorldSpec ofUnitCodes(long n) {
        return ofUnitCodes(n, DEMO_SEED);
    }

    /** A world with {@code n} unit codes, about 10,000 per batch (at least 30 batches). */
    public static WorldSpec ofUnitCodes(long n, long seed) {
        int batches = Math.toIntExact(Math.max(DEMO_BATCHES, n / CODES_PER_BATCH_AT_SCALE));
        int shipments = Math.max(1, batches / 3);
        int consignments = (int) Math.round(shipments * 1.2);
        return new WorldSpec(seed, CAST_PRODUCERS, CAST_PREMISES, CAST_PRODUCTS, batches, shipments, consignments, n);
    }

    /**
     * The name of the world's {@code SeedRun} marker. Distinct specs get distinct names, so a marker never
     * claims a different world is loaded.
     */
    public String name() {
        if (equals(demo())) {
            return DEMO_NAME;
        }
        if (equals(ofUnitCodes(unitCodes, randomSeed))) {
            return "world-" + unitCodes + "-codes-seed-" + randomSeed;
        }
        return "world-" + unitCodes + "-codes-" + batches + "-batches-" + shipments + "-shipments-" + consignments
                + "-consignments-seed-" + randomSeed;
    }

    /** Batches produced too recently to be shipped: about a tenth, at least one. */
    public int unshippedBatches() {
        return unshippedBatches(batches, shipments);
    }

    private static int unshippedBatches(int batches, int shipments) {
        int wanted = Math.max(1, (int) Math.round(batches * 0.1));
        return Math.max(1, Math.min(wanted, batches - shipments));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid world spec: " + message);
        }
    }
}
