package archfixture.platform;

/** Stands for a platform class in {@code ArchitectureTests}' negative checks. */
public class PlatformThing {
}
