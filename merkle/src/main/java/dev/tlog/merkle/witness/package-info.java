/**
 * Wire formats of the C2SP tlog-witness protocol, shared by the log (which sends add-checkpoint
 * requests) and the witness (which parses them) (c2sp.org/tlog-witness; our profile in
 * spec/witness.md).
 *
 * <p>Worked example of an {@code add-checkpoint} body (old size 4, one proof hash, then the note):
 *
 * <pre>
 * old 4
 * PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
 *
 * example.com/log
 * 5
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 *
 * — example.com/log Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
 * </pre>
 *
 * <p>Threading: values are immutable. Exceptions: parsing throws only {@link
 * AddCheckpointFormatException}.
 */
package dev.tlog.merkle.witness;
