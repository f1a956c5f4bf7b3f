package org.courtyard.plugins.misoneroster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Sample OneRoster exports, as a real MIS would write them. */
final class OneRosterFiles {
  private OneRosterFiles() {}

  static String manifest(String version, String mode) {
    return "propertyName,value\nmanifest.version,1.0\noneroster.version," + version + "\nfile.academicSessions,absent\nfile.categories,absent\n"
        + "file.classes," + mode + "\nfile.classResources,absent\nfile.courses,absent\nfile.courseResources,absent\nfile.demographics,absent\n"
        + "file.enrollments," + mode + "\nfile.lineItems,absent\nfile.orgs,absent\nfile.resources,absent\nfile.results,absent\nfile.users," + mode + "\n";
  }

  static final String USERS_11 = String.join("\n",
      "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
      "s1,active,2026-09-01,true,org1,student,s1,,Aisha,Rahman,,,,,,g1,07,",
      "s2,active,2026-09-01,true,org1,student,s2,,Omar,Rahman,,,,,,g1,07,",
      "s3,active,2026-09-01,true,org1,student,s3,,Ella,Jones,,,,,,,08,",
      "t1,active,2026-09-01,true,org1,teacher,t1,,Grace,Hopper,,,grace@school.example,,,,,",
      "g1,active,2026-09-01,true,org1,guardian,g1,,Farah,Rahman,,,farah@home.example,,,\"s1,s2\",,",
      "x1,active,2026-09-01,true,org1,wizard,x1,,Merlin,Ambrose,,,,,,,,",
      "");
  static final String CLASSES = String.join("\n",
      "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
      "c7,active,2026-09-01,7 Maths,07,crs1,7MA,scheduled,,org1,term1,Maths,,",
      "c8,active,2026-09-01,8 English,08,crs2,8EN,scheduled,,org1,term1,English,,",
      "");
  static final String ENROLLMENTS = String.join("\n",
      "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
      "e1,active,2026-09-01,c7,org1,s1,student,false,,",
      "e2,active,2026-09-01,c7,org1,s2,student,false,,",
      "e3,active,2026-09-01,c8,org1,s3,student,false,,",
      "e4,active,2026-09-01,c7,org1,t1,teacher,true,,",
      "e5,active,2026-09-01,c7,org1,nobody,student,false,,",
      "");

  static Map<String, String> bulk11() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("manifest.csv", manifest("1.1", "bulk"));
    m.put("users.csv", USERS_11);
    m.put("classes.csv", CLASSES);
    m.put("enrollments.csv", ENROLLMENTS);
    return m;
  }

  static Map<String, String> delta11() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("manifest.csv", manifest("1.1", "delta"));
    m.put("users.csv", String.join("\n",
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
        "s4,active,2026-10-01,true,org1,student,s4,,Noah,Wilson,,,,,,,07,",
        "s3,active,2026-10-01,true,org1,student,s3,,Ella,Jones-Smith,,,,,,,08,",
        "s2,tobedeleted,2026-10-01,true,org1,student,s2,,Omar,Rahman,,,,,,g1,07,",
        ""));
    m.put("classes.csv", CLASSES.lines().limit(1).reduce("", (a, b) -> a + b + "\n"));
    m.put("enrollments.csv", String.join("\n",
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
        "e6,active,2026-10-01,c7,org1,s4,student,false,,",
        ""));
    return m;
  }

  static Map<String, String> bulk12() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("manifest.csv", manifest("1.2", "bulk"));
    m.put("users.csv", String.join("\n",
        "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrg,pronouns,role",
        "v1,active,2026-09-01,true,v1,,Benjamin,Ng,,,,,,,09,,UMI-1,,Ben,,,org1,,student",
        ""));
    m.put("classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
        + "c9,active,2026-09-01,9 Science,09,crs3,9SC,scheduled,,org1,term1,Science,,\n");
    m.put("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n"
        + "e9,active,2026-09-01,c9,org1,v1,student,false,,\n");
    return m;
  }

  static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Path folder(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    for (var e : files.entrySet()) Files.writeString(dir.resolve(e.getKey()), e.getValue());
    return dir;
  }
}
