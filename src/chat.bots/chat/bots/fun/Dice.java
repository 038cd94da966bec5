package chat.bots.fun;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dice as tabletop players write them: {@code 2d6}, {@code d20}, {@code 3d8+2}, {@code 4d6-1}. */
public record Dice(int count, int sides, int modifier) {

    /** Most dice in one roll. */
    public static final int MAX_COUNT = 20;
    /** Most sides of one die. */
    public static final int MAX_SIDES = 1000;

    private static final Pattern NOTATION = Pattern.compile("(\\d{0,3})d(\\d{1,4})([+-]\\d{1,4})?");

    /** Parses {@code text}; throws {@link IllegalArgumentException} saying how to write dice. */
    public static Dice parse(String text) {
        Matcher m = NOTATION.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("write dice as 2d6, d20 or 3d8+2");
        int count = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        int sides = Integer.parseInt(m.group(2));
        int modifier = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (count < 1 || count > MAX_COUNT) throw new IllegalArgumentException("from 1 to " + MAX_COUNT + " dice");
        if (sides < 2 || sides > MAX_SIDES) throw new IllegalArgumentException("dice have 2 to " + MAX_SIDES + " sides");
        return new Dice(count, sides, modifier);
    }

    /** Each die's result. */
    public List<Integer> roll(RandomGenerator random) {
        List<Integer> faces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) faces.add(1 + random.nextInt(sides));
        return faces;
    }

    /** The sum of {@code faces} plus the modifier. */
    public int total(List<Integer> faces) {
        return faces.stream().mapToInt(Integer::intValue).sum() + modifier;
    }

    @Override
    public String toString() {
        return count + "d" + sides + (modifier > 0 ? "+" + modifier : modifier < 0 ? String.valueOf(modifier) : "");
    }
}
