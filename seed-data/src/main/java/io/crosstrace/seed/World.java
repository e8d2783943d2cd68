package io.crosstrace.seed;

import java.time.LocalDate;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A generated world. Everything but the unit codes is held here; the unit codes are minted on demand,
 * batch by batch ({@link #unitCodes(int)}), because a large world has millions of them.
 *
 * @param referenceDate the day the world is "now": expired certificates, consignments still at sea and
 *                      the like are relative to it
 */
public record World(WorldSpec spec, LocalDate referenceDate, List<Organization> organizations,
                    List<Location> locations, List<Premises> premises, List<Product> products, List<Batch> batches,
                    List<Certificate> certificates, List<Inspection> inspections, List<Shipment> shipments,
                    List<Consignment> consignments) {

    public World {
        organizations = List.copyOf(organizations);
        locations = List.copyOf(locations);
        premises = List.copyOf(premises);
        products = List.copyOf(products);
        batches = List.copyOf(batches);
        certificates = List.copyOf(certificates);
        inspections = List.copyOf(inspections);
        shipments = List.copyOf(shipments);
        consignments = List.copyOf(consignments);
    }

    /** Generates the world a spec describes; the same spec always gives an equal world. */
    public static World generate(WorldSpec spec) {
        return new WorldGenerator(spec).generate();
    }

    /** The unit codes of the batch at {@code batchIndex}, produced lazily as the stream is read. */
    public Stream<UnitCode> unitCodes(int batchIndex) {
        return StreamSupport.stream(Spliterators.spliterator(minter().codesOf(batchIndex),
                batches.get(batchIndex).quantity(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Every unit code, batch after batch, produced lazily as the stream is read. */
    public Stream<UnitCode> unitCodes() {
        UnitCodeMinter minter = minter();
        return IntStream.range(0, batches.size()).boxed().flatMap(i -> StreamSupport.stream(
                Spliterators.spliterator(minter.codesOf(i), batches.get(i).quantity(),
                        Spliterator.ORDERED | Spliterator.NONNULL), false));
    }

    public long unitCodeCount() {
        return batches.stream().mapToLong(Batch::quantity).sum();
    }

    /** A minter for slices of batches, for writers that fetch codes in chunks. */
    UnitCodeMinter minter() {
        return new UnitCodeMinter(spec.randomSeed(), batches);
    }
}
