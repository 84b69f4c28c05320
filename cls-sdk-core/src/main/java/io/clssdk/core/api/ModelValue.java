package io.clssdk.core.api;

import java.util.Arrays;

/**
 * A model that compares by value: equal to another of the same class with equal {@link #state()}. Package-private:
 * users see only {@code equals} and {@code hashCode} on the public models.
 */
abstract class ModelValue {
    ModelValue() {}

    /** Every member of the concrete class, in a fixed order. */
    abstract Object[] state();

    /** Equal when of the same class with equal members. */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(state(), ((ModelValue) o).state());
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(state());
    }
}
