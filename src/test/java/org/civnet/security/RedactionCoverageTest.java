package org.civnet.security;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.civnet.domain.Sensitivity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every type a {@code @RestController} method can return (generic types resolved per
 * controller, through {@code ResponseEntity}, lists, maps and nested records) and fails on a field
 * that can carry text but declares no {@link Sensitivity}, and on a response whose type cannot be
 * walked (Object, a wildcard, a map of anything). So a new field, or a new endpoint, cannot leak by
 * default: the redaction would withhold it at run time, and this test names it at build time.
 */
class RedactionCoverageTest {

    @Test
    void everyFieldOfEveryResponseDeclaresItsSensitivity() throws Exception {
        Set<String> undeclared = new TreeSet<>();
        Set<String> unwalkable = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> controllers = controllers();
        assertThat(controllers).hasSizeGreaterThan(15);
        int endpoints = 0;
        for (Class<?> controller : controllers) {
            for (Method method : ReflectionUtils.getAllDeclaredMethods(controller)) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class) || method.isBridge()) {
                    continue;
                }
                endpoints++;
                String where = controller.getSimpleName() + "." + method.getName();
                walk(ResolvableType.forMethodReturnType(method, controller), where, seen, undeclared, unwalkable);
            }
        }
        assertThat(endpoints).isGreaterThan(40);
        assertThat(seen).as("records reached").hasSizeGreaterThan(40);
        Set<String> problems = new TreeSet<>();
        unwalkable.forEach(u -> problems.add("response type says nothing of its fields: " + u));
        undeclared.forEach(u -> problems.add("text field without @Sensitivity: " + u));
        assertThat(problems).isEmpty();
    }

    private static List<Class<?>> controllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Class<?>> out = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.civnet")) {
            out.add(Class.forName(definition.getBeanClassName()));
        }
        return out;
    }

    private static void walk(ResolvableType type, String where, Set<Class<?>> seen, Set<String> undeclared,
                             Set<String> unwalkable) {
        Class<?> raw = type.resolve();
        if (raw == null || raw == Object.class) {
            unwalkable.add(where + ": " + type);
            return;
        }
        if (raw == void.class || raw == Void.class || Redactor.closedType(raw) || ProblemDetail.class.isAssignableFrom(raw)) {
            return;
        }
        if (HttpEntity.class.isAssignableFrom(raw) || Optional.class == raw) {
            walk(type.getGeneric(0), where, seen, undeclared, unwalkable);
            return;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            walk(type.asCollection().getGeneric(0), where + "[]", seen, undeclared, unwalkable);
            return;
        }
        if (raw.isArray()) {
            walk(type.getComponentType(), where + "[]", seen, undeclared, unwalkable);
            return;
        }
        if (raw.isRecord()) {
            if (!seen.add(raw)) {
                return;
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                String field = raw.getName().replace("org.civnet.", "") + "." + component.getName();
                ResolvableType componentType = ResolvableType.forField(
                        ReflectionUtils.findField(raw, component.getName()), type);
                if (Redactor.declared(component) != null) {
                    continue; // declared: applied to the whole value
                }
                if (carriesText(componentType)) {
                    undeclared.add(field);
                } else {
                    walk(componentType, field, seen, undeclared, unwalkable);
                }
            }
            return;
        }
        // A bare String, a map, or a class: its fields cannot be declared; only records can answer.
        unwalkable.add(where + ": " + type);
    }

    /** Whether a value of this type can hold text (a string anywhere in it, or a map key). */
    private static boolean carriesText(ResolvableType type) {
        Class<?> raw = type.resolve();
        if (raw == null || raw == Object.class || CharSequence.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            return true;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return carriesText(type.asCollection().getGeneric(0));
        }
        if (raw.isArray()) {
            return carriesText(type.getComponentType());
        }
        return !raw.isRecord() && !Redactor.closedType(raw);
    }
}
