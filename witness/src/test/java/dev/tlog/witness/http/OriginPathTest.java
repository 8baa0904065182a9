package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.witness.errors.MalformedRequestException;
import org.junit.jupiter.api.Test;

class OriginPathTest {
  @Test
  void roundTripsOriginsWithSlashesSpacesPlusAndUnicode() {
    for (String o :
        new String[] {"log.tlog.example/checkpoint", "go.sum database tree", "a+b", "ünï/cødé"}) {
      String enc = OriginPath.encode(o);
      assertEquals(-1, enc.indexOf('/'), enc);
      assertEquals(o, OriginPath.decode(enc));
    }
    assertEquals("go.sum database tree", OriginPath.decode("go.sum%20database%20tree"));
    assertEquals("a+b", OriginPath.decode("a+b"), "plus is literal in a path");
  }

  @Test
  void rejectsBadEncodings() {
    for (String bad : new String[] {"", "%", "%2", "%zz", "%٣٣", "%ff", "ü"}) {
      assertThrows(MalformedRequestException.class, () -> OriginPath.decode(bad), bad);
    }
  }
}
