package tensor.io;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, safe interpreter for the pickle in {@code <archive>/data.pkl} of a torch.save zip
 * archive (protocol 2 as torch.save writes it; the protocol 4 framing opcodes are accepted too).
 *
 * <p>Safety: it never runs anything named by the file. GLOBAL may name only a fixed whitelist
 * (OrderedDict, the two tensor rebuild functions, the storage classes); any other name is refused
 * the moment it is read. REDUCE, NEWOBJ and BUILD are carried out by the Java code below for
 * those names only.
 *
 * <p>Results: dict and OrderedDict → {@link LinkedHashMap} (insertion order kept), list →
 * {@link ArrayList}, tuple → unmodifiable {@link List}, str → String, int → Long, float → Double,
 * bool → Boolean, None → null, tensor → {@link PtTensor}.
 */
final class PtPickle {
    /** Resolves the persistent id {@code ('storage', storage_type, key, location, numel)}. */
    interface StorageLoader {
        PtStorage load(PtTensor.Dtype dtype, String key, long numel) throws IOException;
    }

    /** The whitelisted callables. */
    private enum Callable {
        ORDERED_DICT("collections.OrderedDict"),
        REBUILD_TENSOR_V2("torch._utils._rebuild_tensor_v2"),
        REBUILD_PARAMETER("torch._utils._rebuild_parameter");

        final String qualifiedName;

        Callable(String qualifiedName) { this.qualifiedName = qualifiedName; }
    }

    /** A whitelisted storage class such as torch.FloatStorage; only used inside persistent ids. */
    private record StorageClass(PtTensor.Dtype dtype) {}

    private final ByteBuffer in;                     // the pickle bytes, little-endian
    private final String file;                       // for messages
    private final StorageLoader storages;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final ArrayDeque<Integer> marks = new ArrayDeque<>();   // stack sizes at each MARK
    private final Map<Long, Object> memo = new HashMap<>();
    private int opcodeAt;                            // where the current instruction starts, for messages

    private PtPickle(byte[] pickle, String file, StorageLoader storages) {
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
        this.file = file;
        this.storages = storages;
    }

    /** The object the pickle describes; {@code file} names the .pt file in messages. */
    static Object unpickle(byte[] pickle, String file, StorageLoader storages) throws IOException {
        PtPickle p = new PtPickle(pickle, file, storages);
        try {
            return p.run();
        } catch (BufferUnderflowException e) {
            throw p.malformed("it ends in the middle of an instruction");
        }
    }

    private Object run() throws IOException {
        while (true) {
            opcodeAt = in.position();
            int op = u8();
            switch (op) {
                case 0x80 -> u8();                                       // PROTO n
                case 0x95 -> in.getLong();                               // FRAME: a length hint only
                case '}' -> push(new LinkedHashMap<>());                 // EMPTY_DICT
                case ']' -> push(new ArrayList<>());                     // EMPTY_LIST
                case ')' -> push(tuple());                               // EMPTY_TUPLE
                case '(' -> marks.push(stack.size());                    // MARK
                case 'X' -> push(utf8(length(in.getInt() & 0xffffffffL)));   // BINUNICODE
                case 0x8c -> push(utf8(u8()));                           // SHORT_BINUNICODE
                case 0x8d -> push(utf8(length(in.getLong())));           // BINUNICODE8
                case 'J' -> push((long) in.getInt());                    // BININT
                case 'K' -> push((long) u8());                           // BININT1
                case 'M' -> push((long) (in.getShort() & 0xffff));       // BININT2
                case 0x8a -> push(signedLittleEndian(u8()));             // LONG1
                case 0x8b -> push(signedLittleEndian(length(in.getInt())));  // LONG4
                case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong())));  // BINFLOAT, big-endian
                case 0x88 -> push(Boolean.TRUE);                         // NEWTRUE
                case 0x89 -> push(Boolean.FALSE);                        // NEWFALSE
                case 'N' -> push(null);                                  // NONE
                case 0x85 -> push(tuple(pop()));                         // TUPLE1
                case 0x86 -> { Object b = pop(), a = pop(); push(tuple(a, b)); }             // TUPLE2
                case 0x87 -> { Object c = pop(), b = pop(), a = pop(); push(tuple(a, b, c)); } // TUPLE3
                case 't' -> push(tuple(popMark().toArray()));            // TUPLE
                case 's' -> { Object v = pop(), k = pop(); dictOnTop().put(hashable(k), v); } // SETITEM
                case 'u' -> setItems(popMark());                         // SETITEMS
                case 'a' -> { Object v = pop(); listOnTop().add(v); }    // APPEND
                case 'e' -> { List<Object> items = popMark(); listOnTop().addAll(items); }  // APPENDS
                case 'q' -> memo.put((long) u8(), peek());               // BINPUT
                case 'r' -> memo.put(in.getInt() & 0xffffffffL, peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek());       // MEMOIZE
                case 'h' -> push(memoGet(u8()));                         // BINGET
                case 'j' -> push(memoGet(in.getInt() & 0xffffffffL));    // LONG_BINGET
                case 'c' -> push(global(line(), line()));                // GLOBAL "module\nname\n"
                case 0x93 -> { String name = string(pop()), module = string(pop()); push(global(module, name)); } // STACK_GLOBAL
                case 'R' -> { List<Object> args = args(pop()); push(call(pop(), args)); }   // REDUCE
                case 0x81 -> { List<Object> args = args(pop()); push(newObject(pop(), args)); } // NEWOBJ
                case 'b' -> { Object state = pop(); build(peek(), state); }                  // BUILD
                case 'Q' -> push(persistentLoad(pop()));                 // BINPERSID
                case '.' -> {                                            // STOP
                    if (stack.size() != 1) throw malformed("STOP with " + stack.size() + " objects on the stack");
                    return stack.get(0);
                }
                default -> throw malformed(String.format("unsupported opcode 0x%02x", op));
            }
        }
    }

    // ---- whitelisted globals and what they do ----------------------------------------------------

    private Object global(String module, String name) throws IOException {
        String qualified = module + "." + name;
        for (Callable c : Callable.values()) if (c.qualifiedName.equals(qualified)) return c;
        PtTensor.Dtype dtype = module.equals("torch") ? PtTensor.Dtype.ofStorageClass(name) : null;
        if (dtype != null) return new StorageClass(dtype);
        throw new IOException("unsupported pickle global '" + qualified + "' in " + file + ": only state dicts of tensors are read");
    }

    private Object call(Object callable, List<Object> args) throws IOException {
        if (callable == Callable.ORDERED_DICT && args.isEmpty()) return new LinkedHashMap<>();
        if (callable == Callable.REBUILD_TENSOR_V2) return rebuildTensor(args);
        if (callable == Callable.REBUILD_PARAMETER && args.size() == 3 && args.get(0) instanceof PtTensor data)
            return data;                             // (data, requires_grad, backward_hooks): the values are all we keep
        throw malformed("cannot call " + describe(callable) + " with " + args.size() + " arguments");
    }

    /**
     * {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad,
     * backward_hooks[, metadata])}: a view of the storage. Hooks and metadata must be empty.
     */
    private PtTensor rebuildTensor(List<Object> args) throws IOException {
        boolean shapeOk = (args.size() == 6 || args.size() == 7)
                && args.get(0) instanceof PtStorage && args.get(1) instanceof Long
                && args.get(2) instanceof List && args.get(3) instanceof List && args.get(4) instanceof Boolean
                && isEmptyDict(args.get(5)) && (args.size() == 6 || args.get(6) == null || isEmptyDict(args.get(6)));
        if (!shapeOk) throw malformed("unexpected arguments to torch._utils._rebuild_tensor_v2: " + describeAll(args));
        PtStorage storage = (PtStorage) args.get(0);
        return storage.view((Long) args.get(1), longs(args.get(2)), longs(args.get(3)));
    }

    private Object newObject(Object cls, List<Object> args) throws IOException {
        if (cls == Callable.ORDERED_DICT && args.isEmpty()) return new LinkedHashMap<>();
        throw malformed("cannot create an instance of " + describe(cls));
    }

    /**
     * BUILD on a state dict: torch attaches {@code _metadata} (module versions) as an attribute of
     * the OrderedDict. Loading tensors does not need it, so it is dropped; any other state is refused.
     */
    private void build(Object target, Object state) throws IOException {
        if (target instanceof Map && state instanceof Map<?, ?> attributes && attributes.keySet().stream().allMatch("_metadata"::equals))
            return;
        throw malformed("cannot set state " + describe(state) + " on " + describe(target));
    }

    private PtStorage persistentLoad(Object pid) throws IOException {
        if (pid instanceof List<?> t && t.size() == 5 && "storage".equals(t.get(0)) && t.get(1) instanceof StorageClass type
                && t.get(2) instanceof String key && t.get(3) instanceof String && t.get(4) instanceof Long numel)
            return storages.load(type.dtype(), key, numel);
        throw malformed("unsupported persistent id " + (pid instanceof List<?> t ? describeAll(t) : describe(pid)));
    }

    // ---- stack, memo and reading -----------------------------------------------------------------

    private void push(Object o) { stack.add(o); }

    private Object pop() throws IOException {
        if (stack.isEmpty()) throw malformed("pop from an empty stack");
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws IOException {
        if (stack.isEmpty()) throw malformed("empty stack");
        return stack.get(stack.size() - 1);
    }

    /** Removes and returns everything above the latest MARK. */
    private List<Object> popMark() throws IOException {
        if (marks.isEmpty()) throw malformed("no MARK to pop to");
        int from = marks.pop();
        List<Object> top = stack.subList(from, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private Object memoGet(long index) throws IOException {
        if (!memo.containsKey(index)) throw malformed("memo entry " + index + " was never stored");
        return memo.get(index);
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop() throws IOException {
        if (peek() instanceof LinkedHashMap<?, ?> m) return (Map<Object, Object>) m;
        throw malformed("SETITEM on " + describe(peek()));
    }

    @SuppressWarnings("unchecked")
    private List<Object> listOnTop() throws IOException {
        if (peek() instanceof ArrayList<?> l) return (List<Object>) l;
        throw malformed("APPEND on " + describe(peek()));
    }

    private void setItems(List<Object> keysAndValues) throws IOException {
        if (keysAndValues.size() % 2 != 0) throw malformed("SETITEMS with an odd number of objects");
        Map<Object, Object> dict = dictOnTop();
        for (int i = 0; i < keysAndValues.size(); i += 2) dict.put(hashable(keysAndValues.get(i)), keysAndValues.get(i + 1));
    }

    /**
     * Dict keys are limited to str, int, float, bool and None (state dicts use str, optimizer
     * states int). A dict or list key, which Python would refuse as unhashable, could contain
     * itself and make Java's hashCode recurse forever; tuple keys are refused for the same reason.
     */
    private Object hashable(Object key) throws IOException {
        if (key == null || key instanceof String || key instanceof Long || key instanceof Double || key instanceof Boolean) return key;
        throw malformed("dict key is " + describe(key) + "; only str, int, float, bool or None keys are read");
    }

    private static List<Object> tuple(Object... items) {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    private List<Object> args(Object o) throws IOException {
        if (o instanceof List<?> l && !(o instanceof ArrayList)) return Collections.unmodifiableList(l);
        throw malformed("arguments are " + describe(o) + ", not a tuple");
    }

    private long[] longs(Object tupleOfInts) throws IOException {
        List<?> l = (List<?>) tupleOfInts;
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long v)) throw malformed("expected a tuple of ints, got " + describeAll(l));
            out[i] = v;
        }
        return out;
    }

    private static boolean isEmptyDict(Object o) {
        return o instanceof Map<?, ?> m && m.isEmpty();
    }

    private String string(Object o) throws IOException {
        if (o instanceof String s) return s;
        throw malformed("expected a str, got " + describe(o));
    }

    private int u8() { return in.get() & 0xff; }

    private int length(long n) throws IOException {
        if (n < 0 || n > in.remaining()) throw malformed("length " + n + " runs past the end");
        return (int) n;
    }

    private String utf8(int n) {
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        int start = in.position();
        while (in.get() != '\n') if (in.position() - start > 256) throw malformed("GLOBAL name longer than 256 bytes");
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.US_ASCII);
    }

    /** LONG1/LONG4 payload: n bytes, little-endian two's complement. */
    private long signedLittleEndian(int n) throws IOException {
        if (n > 8) throw malformed("integer of " + n + " bytes is wider than 64 bits");
        if (n == 0) return 0;
        long v = 0;
        for (int i = 0; i < n; i++) v |= (long) u8() << (8 * i);
        int unused = 64 - 8 * n;
        return (v << unused) >> unused;              // sign-extend from the top byte
    }

    /** The Python type of an unpickled object, for messages: "dict", "tensor", "int", ... */
    static String describe(Object o) {
        if (o == null) return "None";
        if (o instanceof Callable c) return c.qualifiedName;
        if (o instanceof StorageClass s) return "torch." + s.dtype().storageClass;
        if (o instanceof PtStorage s) return "a " + s.dtype + " storage";
        if (o instanceof PtTensor t) return "a tensor";
        if (o instanceof Map) return "a dict";
        if (o instanceof ArrayList) return "a list";
        if (o instanceof List) return "a tuple";
        if (o instanceof String) return "a str";
        if (o instanceof Long) return "an int";
        if (o instanceof Double) return "a float";
        if (o instanceof Boolean) return "a bool";
        return o.getClass().getSimpleName();
    }

    /** "(a str, torch.FloatStorage, an int)": the types only, since objects may contain themselves. */
    private static String describeAll(List<?> items) {
        return items.stream().map(PtPickle::describe).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private IOException malformed(String what) {
        return new IOException("unreadable pickle in " + file + " at byte " + opcodeAt + ": " + what);
    }
}
